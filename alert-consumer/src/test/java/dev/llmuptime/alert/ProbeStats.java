package dev.llmuptime.alert;

import com.datadoghq.sketch.ddsketch.DDSketch;
import dev.llmuptime.schema.Outcome;
import dev.llmuptime.schema.Outcomes;
import dev.llmuptime.schema.ProbeLatency;
import dev.llmuptime.schema.Sketches;
import dev.llmuptime.schema.UptimeCounts;
import dev.llmuptime.schema.WindowStats;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Probes of one target turned into all-regions WindowStats of 1m, 5m and 1h, as the aggregator emits
 * them: the final of each window that a probe closes, then each window's update with the probe, each
 * carrying the latency of the latest 32 up probes unless made as records of an older release.
 */
final class ProbeStats {

    private static final List<Duration> SIZES = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofHours(1));

    private static final int RECENT_LATENCIES = 32;

    private final String target;
    private final boolean carriesLatencies;
    private final Map<Long, Window> open = new HashMap<>();
    private List<ProbeLatency> recentLatencies = List.of();
    private int failures;
    private int successes;

    ProbeStats(String target) {
        this(target, true);
    }

    ProbeStats(String target, boolean carriesLatencies) {
        this.target = target;
        this.carriesLatencies = carriesLatencies;
    }

    /** The stats records one probe at {@code at} makes the aggregator emit. */
    List<WindowStats> probe(long at, Outcome outcome, double latencyMs) {
        List<WindowStats> emitted = new ArrayList<>();
        for (Duration size : SIZES) {
            Window window = open.get(size.toMillis());
            if (window != null && window.start != startOf(at, size)) {
                emitted.add(window.stats(true));
                open.remove(size.toMillis());
            }
        }
        boolean up = Outcomes.isUp(outcome);
        failures = up ? 0 : failures + 1;
        successes = up ? successes + 1 : 0;
        if (up) {
            List<ProbeLatency> kept = new ArrayList<>(recentLatencies.subList(
                    Math.max(0, recentLatencies.size() - RECENT_LATENCIES + 1), recentLatencies.size()));
            kept.add(new ProbeLatency(Instant.ofEpochMilli(at), latencyMs));
            recentLatencies = List.copyOf(kept);
        }
        for (Duration size : SIZES) {
            Window window = open.computeIfAbsent(size.toMillis(), millis -> new Window(millis, startOf(at, size)));
            window.add(at, outcome, latencyMs);
            emitted.add(window.stats(false));
        }
        return emitted;
    }

    private static long startOf(long at, Duration size) {
        return at - Math.floorMod(at, size.toMillis());
    }

    private final class Window {

        private final long size;
        private final long start;
        private final Map<String, Long> counts = new HashMap<>();
        private final DDSketch latency = Sketches.empty();
        private long count;
        private double latencySum;
        private double latencyMax;
        private long lastProbeAt;
        private Outcome lastOutcome;
        private List<ProbeLatency> latestLatencies;

        Window(long size, long start) {
            this.size = size;
            this.start = start;
        }

        void add(long at, Outcome outcome, double latencyMs) {
            count++;
            counts.merge(outcome.name(), 1L, Long::sum);
            if (Outcomes.isUp(outcome)) {
                latency.accept(latencyMs);
                latencySum += latencyMs;
                latencyMax = Math.max(latencyMax, latencyMs);
            }
            lastProbeAt = at;
            lastOutcome = outcome;
            latestLatencies = carriesLatencies ? recentLatencies : null;
        }

        WindowStats stats(boolean isFinal) {
            return WindowStats.newBuilder()
                    .setTargetId(target).setProvider("openai").setModel("gpt-4o-mini").setCheck("chat-stream")
                    .setRegion("*").setWindowSize(size).setWindowStart(Instant.ofEpochMilli(start))
                    .setWindowEnd(Instant.ofEpochMilli(start + size)).setFinal$(isFinal).setCount(count)
                    .setOutcomeCounts(new HashMap<>(counts)).setUptime(UptimeCounts.of(count, counts).uptime())
                    .setLatency(Sketches.percentiles(latency, latencySum, latencyMax)).setTtft(null)
                    .setTokensPerSecondP50(null)
                    .setLatencySketch(latency.isEmpty() ? null : Sketches.encode(latency))
                    .setLastProbeAt(Instant.ofEpochMilli(lastProbeAt)).setLastOutcome(lastOutcome)
                    .setConsecutiveFailures(failures).setConsecutiveSuccesses(successes)
                    .setEmittedAt(Instant.ofEpochMilli(lastProbeAt)).setRecentLatencies(latestLatencies).build();
        }
    }
}
