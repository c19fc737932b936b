package dev.llmuptime.bench;

import dev.llmuptime.schema.ProbeResult;
import dev.llmuptime.schema.ProbeResultSerde;
import dev.llmuptime.schema.WindowStats;
import dev.llmuptime.schema.WindowStatsSerde;
import dev.llmuptime.testkit.ClusterSpec;
import dev.llmuptime.testkit.TopicFeed;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a running cluster writes, followed from the start: its probe results and its stats. Answers
 * who probes a target now, when a set of targets was first probed by someone else after a moment,
 * and how steadily probing and stats went on over the whole run.
 */
final class ClusterWatch implements AutoCloseable {

    /** The longest pause between two successive records of one target: how long, which target, from when. */
    record Gap(long millis, String targetId, Instant from) {

        @Override
        public String toString() {
            return millis + " ms (" + targetId + " from " + from + ")";
        }
    }

    private final TopicFeed<ProbeResult> results;
    private final TopicFeed<WindowStats> stats;

    ClusterWatch(String bootstrapServers, ClusterSpec spec) {
        this.results = TopicFeed.start(bootstrapServers, spec.resultsTopic(), new ProbeResultSerde().deserializer());
        this.stats = TopicFeed.start(bootstrapServers, spec.statsTopic(), new WindowStatsSerde().deserializer());
    }

    List<ProbeResult> results() {
        return results.values();
    }

    List<TopicFeed.Arrival<WindowStats>> stats() {
        return stats.arrivals();
    }

    /** The targets whose latest probe is by {@code proberId}. */
    Set<String> ownedBy(String proberId) {
        Map<String, ProbeResult> latest = new HashMap<>();
        for (ProbeResult result : results.values()) {
            latest.merge(result.getTargetId(), result, (a, b) -> a.getStartedAt().isAfter(b.getStartedAt()) ? a : b);
        }
        return latest.values().stream().filter(result -> result.getProberId().equals(proberId))
                .map(ProbeResult::getTargetId).collect(Collectors.toSet());
    }

    /** Whether every one of {@code targets} has a probe that started at or after {@code since}. */
    boolean probedSince(Collection<String> targets, Instant since) {
        Set<String> probed = results.values().stream().filter(result -> !result.getStartedAt().isBefore(since))
                .map(ProbeResult::getTargetId).collect(Collectors.toSet());
        return probed.containsAll(targets);
    }

    /**
     * When the last of {@code targets} was first probed after {@code since} by a prober other than
     * {@code gone}; empty until every one of them was.
     */
    Optional<Instant> takenOver(Collection<String> targets, String gone, Instant since) {
        Map<String, Instant> first = new HashMap<>();
        for (ProbeResult result : results.values()) {
            if (!result.getProberId().equals(gone) && result.getStartedAt().isAfter(since)) {
                first.merge(result.getTargetId(), result.getStartedAt(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        if (!first.keySet().containsAll(targets)) {
            return Optional.empty();
        }
        return targets.stream().map(first::get).max(Comparator.naturalOrder());
    }

    /** The longest pause between two successive probes (by start) of one target over the run. */
    Gap longestProbeGap() {
        return longestGap(results.values().stream().collect(Collectors.groupingBy(ProbeResult::getTargetId,
                Collectors.mapping(ProbeResult::getStartedAt, Collectors.toList()))));
    }

    /** The longest pause between two successive stats records (by arrival) of one target over the run. */
    Gap longestStatsGap() {
        return longestGap(stats.arrivals().stream().collect(Collectors.groupingBy(
                arrival -> arrival.value().getTargetId(),
                Collectors.mapping(TopicFeed.Arrival::at, Collectors.toList()))));
    }

    /** Probe results written more than once (the same probeId). */
    long duplicateResults() {
        List<ProbeResult> all = results.values();
        return all.size() - all.stream().map(ProbeResult::getProbeId).distinct().count();
    }

    @Override
    public void close() throws InterruptedException {
        results.close();
        stats.close();
    }

    private static Gap longestGap(Map<String, List<Instant>> byTarget) {
        Gap longest = new Gap(0, "-", Instant.EPOCH);
        for (Map.Entry<String, List<Instant>> target : byTarget.entrySet()) {
            List<Instant> times = target.getValue().stream().sorted().toList();
            for (int i = 1; i < times.size(); i++) {
                long millis = times.get(i).toEpochMilli() - times.get(i - 1).toEpochMilli();
                if (millis > longest.millis()) {
                    longest = new Gap(millis, target.getKey(), times.get(i - 1));
                }
            }
        }
        return longest;
    }
}
