package dev.llmuptime.alert;

import dev.llmuptime.schema.Outcome;
import dev.llmuptime.schema.Percentiles;
import dev.llmuptime.schema.WindowStats;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** WindowStats records as the aggregator emits them, for rule tests. */
final class StatsFixtures {

    static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    private StatsFixtures() {
    }

    static WindowStats stats(String target, Duration window, long count, Double uptime, Double p95, Outcome last,
            int failures, int successes) {
        return WindowStats.newBuilder()
                .setTargetId(target).setProvider("openai").setModel("gpt-4o-mini").setCheck("chat-stream")
                .setRegion("*").setWindowSize(window.toMillis()).setWindowStart(T0).setWindowEnd(T0.plus(window))
                .setFinal$(false).setCount(count).setOutcomeCounts(Map.of(last.name(), count)).setUptime(uptime)
                .setLatency(p95 == null ? null : new Percentiles(p95 / 2, p95 * 0.9, p95, p95, p95, p95 / 2))
                .setTtft(null).setTokensPerSecondP50(null).setLatencySketch(null).setLastProbeAt(T0)
                .setLastOutcome(last).setConsecutiveFailures(failures).setConsecutiveSuccesses(successes)
                .setEmittedAt(T0).build();
    }

    /**
     * Target a's stats for the hour starting {@code hoursAfterT0} after T0, {@code minutes} into it,
     * with {@code failures} of {@code count} probes failed by the server; the last probe succeeded.
     */
    static WindowStats hour(int hoursAfterT0, int minutes, long count, long failures) {
        Instant start = T0.plus(Duration.ofHours(hoursAfterT0));
        WindowStats hour = stats("a", Duration.ofHours(1), count, (double) (count - failures) / count, 500.0,
                Outcome.SUCCESS, 0, 1);
        hour.setWindowStart(start);
        hour.setWindowEnd(start.plus(Duration.ofHours(1)));
        hour.setOutcomeCounts(Map.of(Outcome.SUCCESS.name(), count - failures, Outcome.SERVER_ERROR.name(), failures));
        hour.setLastProbeAt(start.plus(Duration.ofMinutes(minutes)));
        return hour;
    }

    /** A 1-minute window's stats after a probe with this outcome and streak. */
    static WindowStats probe(String target, Outcome last, int failures, int successes) {
        return stats(target, Duration.ofMinutes(1), 10, 0.9, 500.0, last, failures, successes);
    }
}
