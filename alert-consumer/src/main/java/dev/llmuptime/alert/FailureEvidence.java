package dev.llmuptime.alert;

import dev.llmuptime.schema.ProbeEvidence;
import dev.llmuptime.schema.WindowStats;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The latest failed probes each target's stats carried, per region and for all regions ({@code *}):
 * what a FIRING alert sends as evidence to open a ticket with the provider. Only the newest stats of
 * a series count, so the late final record of an older window changes nothing. After a restart or a
 * move, the stats read back from the stats topic rebuild it.
 */
final class FailureEvidence {

    private record Series(String targetId, String region) {
    }

    /** A series' newest stats: its failure streak and latest failed probes, oldest first. */
    private record Latest(long lastProbeAt, int consecutiveFailures, List<ProbeEvidence> failures) {
    }

    private final Map<Series, Latest> bySeries = new HashMap<>();

    void observe(WindowStats stats) {
        Series series = new Series(stats.getTargetId(), stats.getRegion());
        long at = stats.getLastProbeAt().toEpochMilli();
        Latest known = bySeries.get(series);
        if (known == null || at >= known.lastProbeAt()) {
            // Stats written before they carried failed probes have none (null).
            List<ProbeEvidence> failures = stats.getRecentFailures() == null ? List.of()
                    : List.copyOf(stats.getRecentFailures());
            bySeries.put(series, new Latest(at, stats.getConsecutiveFailures(), failures));
        }
    }

    /**
     * The failed probes of the target in {@code region} ({@code *}: all) that started at or after
     * {@code from} (epoch ms), oldest first; with {@code currentRun}, only those of its current run of
     * failures, when it is in one.
     */
    List<ProbeEvidence> since(String targetId, String region, long from, boolean currentRun) {
        Latest latest = bySeries.get(new Series(targetId, region));
        if (latest == null) {
            return List.of();
        }
        List<ProbeEvidence> failures = latest.failures();
        if (currentRun && latest.consecutiveFailures() > 0) {
            failures = failures.subList(Math.max(0, failures.size() - latest.consecutiveFailures()), failures.size());
        }
        return failures.stream().filter(failure -> failure.getStartedAt().toEpochMilli() >= from).toList();
    }

    void forget(Predicate<String> gone) {
        bySeries.keySet().removeIf(series -> gone.test(series.targetId()));
    }
}
