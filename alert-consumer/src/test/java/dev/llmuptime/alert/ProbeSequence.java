package dev.llmuptime.alert;

import dev.llmuptime.schema.Outcome;
import dev.llmuptime.schema.Outcomes;
import dev.llmuptime.schema.Percentiles;
import dev.llmuptime.schema.ProbeEvidence;
import dev.llmuptime.schema.WindowStats;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One target probed at a fixed interval, turned into the live stats the aggregator emits after each
 * probe for one region (or {@code *}, all regions), for every window size: counts per tumbling
 * window, and the target's streaks with its latest failed probes (request id {@code req-<epoch ms>}).
 */
final class ProbeSequence {

    private final String target;
    private final String check;
    private final String region;
    private final Duration interval;
    private final List<Duration> windows;
    private final Map<Duration, List<Outcome>> windowOutcomes = new HashMap<>();
    private final Map<Duration, Instant> windowStarts = new HashMap<>();
    private Instant next;
    private int failures;
    private int successes;
    private final List<ProbeEvidence> recentFailures = new ArrayList<>();

    ProbeSequence(String target, String check, Instant start, Duration interval, List<Duration> windows) {
        this(target, check, "*", start, interval, windows);
    }

    ProbeSequence(String target, String check, String region, Instant start, Duration interval,
            List<Duration> windows) {
        this.target = target;
        this.check = check;
        this.region = region;
        this.next = start;
        this.interval = interval;
        this.windows = List.copyOf(windows);
    }

    /** A chat-stream target probed every 5 s, read on 1m, 5m and 1h windows. */
    static ProbeSequence every5s(String target, Instant start) {
        return new ProbeSequence(target, "chat-stream", start, Duration.ofSeconds(5),
                List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofHours(1)));
    }

    /** When the next probe starts. */
    Instant next() {
        return next;
    }

    /** Lets the next probe's time pass without a probe, as a prober that is down does. */
    void skip() {
        next = next.plus(interval);
    }

    /** Runs the next probe with this outcome; returns the stats of each window after it. */
    List<WindowStats> probe(Outcome outcome) {
        return probeAt(next, outcome);
    }

    /** Runs a probe at {@code at} with this outcome, the next one due an interval later; returns the stats. */
    List<WindowStats> probeAt(Instant at, Outcome outcome) {
        next = at.plus(interval);
        if (Outcomes.isUp(outcome)) {
            successes++;
            failures = 0;
        } else if (Outcomes.countsAgainstUptime(outcome)) {
            failures++;
            successes = 0;
            recentFailures.add(failed(at, outcome));
            if (recentFailures.size() > 5) {
                recentFailures.remove(0);
            }
        }
        List<WindowStats> stats = new ArrayList<>();
        for (Duration window : windows) {
            Instant start = Instant.ofEpochMilli(at.toEpochMilli() - at.toEpochMilli() % window.toMillis());
            if (!start.equals(windowStarts.get(window))) {
                windowStarts.put(window, start);
                windowOutcomes.put(window, new ArrayList<>());
            }
            windowOutcomes.get(window).add(outcome);
            stats.add(stats(window, start, windowOutcomes.get(window), at, outcome));
        }
        return stats;
    }

    /** The request id the failed probe at {@code at} carries. */
    static String requestId(Instant at) {
        return "req-" + at.toEpochMilli();
    }

    private ProbeEvidence failed(Instant at, Outcome outcome) {
        return ProbeEvidence.newBuilder().setProbeId("probe-" + at.toEpochMilli()).setStartedAt(at)
                .setRegion(region.equals("*") ? "local" : region).setOutcome(outcome).setHttpStatus(503)
                .setRequestId(requestId(at)).setMessage("HTTP 503").build();
    }

    /** The final record of {@code live}'s window, emitted once it closed: no new probe in it. */
    static WindowStats closed(WindowStats live) {
        WindowStats closed = new WindowStats();
        for (int field = 0; field < live.getSchema().getFields().size(); field++) {
            closed.put(field, live.get(field));
        }
        closed.setFinal$(true);
        return closed;
    }

    private WindowStats stats(Duration window, Instant start, List<Outcome> outcomes, Instant at, Outcome last) {
        Map<String, Long> counts = new HashMap<>();
        outcomes.forEach(outcome -> counts.merge(outcome.name(), 1L, Long::sum));
        long up = outcomes.stream().filter(Outcomes::isUp).count();
        long counted = outcomes.stream().filter(outcome -> !Outcomes.isMonitorSide(outcome)).count();
        return WindowStats.newBuilder()
                .setTargetId(target).setProvider("openai").setModel("gpt-4o-mini").setCheck(check)
                .setRegion(region).setWindowSize(window.toMillis()).setWindowStart(start).setWindowEnd(start.plus(window))
                .setFinal$(false).setCount(outcomes.size()).setOutcomeCounts(counts)
                .setUptime(counted == 0 ? null : (double) up / counted)
                .setLatency(up == 0 ? null : new Percentiles(400.0, 450.0, 500.0, 550.0, 600.0, 420.0))
                .setTtft(null).setTokensPerSecondP50(null).setLatencySketch(null).setLastProbeAt(at)
                .setLastOutcome(last).setConsecutiveFailures(failures).setConsecutiveSuccesses(successes)
                .setEmittedAt(at).setRecentFailures(List.copyOf(recentFailures)).build();
    }
}
