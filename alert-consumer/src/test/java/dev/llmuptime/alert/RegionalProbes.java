package dev.llmuptime.alert;

import dev.llmuptime.schema.Outcome;
import dev.llmuptime.schema.WindowStats;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One target probed every 5 s from each of several regions, in turn and evenly spread, turned into
 * what the aggregator emits for each probe: the region's stats, then the all-regions stats.
 */
final class RegionalProbes {

    private static final Duration INTERVAL = Duration.ofSeconds(5);
    private static final List<Duration> WINDOWS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofHours(1));

    private final Map<String, ProbeSequence> regions = new LinkedHashMap<>();
    private final ProbeSequence all;

    RegionalProbes(String target, List<String> regionNames) {
        Duration step = INTERVAL.dividedBy(regionNames.size());
        for (int i = 0; i < regionNames.size(); i++) {
            regions.put(regionNames.get(i), new ProbeSequence(target, "chat-stream", regionNames.get(i),
                    StatsFixtures.T0.plus(step.multipliedBy(i)), INTERVAL, WINDOWS));
        }
        all = new ProbeSequence(target, "chat-stream", StatsFixtures.T0, step, WINDOWS);
    }

    /** When {@code region}'s next probe starts. */
    Instant next(String region) {
        return regions.get(region).next();
    }

    /** Lets {@code region}'s next probe's time pass without a probe: its prober is down. */
    void skip(String region) {
        regions.get(region).skip();
    }

    /** Runs {@code region}'s next probe with this outcome; returns its stats, then the all-regions stats. */
    List<WindowStats> probe(String region, Outcome outcome) {
        Instant at = next(region);
        List<WindowStats> stats = new ArrayList<>(regions.get(region).probe(outcome));
        stats.addAll(all.probeAt(at, outcome));
        return stats;
    }
}
