package dev.llmuptime.alert;

import dev.llmuptime.schema.Outcome;
import dev.llmuptime.schema.ProbeResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Counts the probes of one target that started in a span, each once (a probe result may be written
 * twice), and keeps the first failed ones up to a limit: memory stays bounded however long the incident.
 */
final class ProbeTally {

    private final String targetId;
    private final Instant from;
    private final Instant to;
    private final int maxProbes;
    private final int listLimit;
    private final Set<String> seen = new HashSet<>();
    private final TreeMap<String, Long> outcomes = new TreeMap<>();
    private final TreeSet<String> regions = new TreeSet<>();
    private final List<FailedProbe> failures = new ArrayList<>();
    private long failed;

    /** Counts at most {@code maxProbes} distinct probes and lists at most {@code listLimit} failed ones. */
    ProbeTally(String targetId, Instant from, Instant to, int maxProbes, int listLimit) {
        this.targetId = targetId;
        this.from = from;
        this.to = to;
        this.maxProbes = maxProbes;
        this.listLimit = listLimit;
    }

    /** Counts {@code result} if it is a probe of the span not counted yet; false once the tally is full. */
    boolean add(ProbeResult result) {
        if (!result.getTargetId().equals(targetId) || result.getStartedAt().isBefore(from)
                || result.getStartedAt().isAfter(to) || seen.contains(result.getProbeId())) {
            return true;
        }
        if (full()) {
            return false;
        }
        seen.add(result.getProbeId());
        outcomes.merge(result.getOutcome().name(), 1L, Long::sum);
        if (result.getOutcome() != Outcome.SUCCESS && result.getOutcome() != Outcome.SLOW) {
            failed++;
            regions.add(result.getRegion());
            if (failures.size() < listLimit) {
                failures.add(FailedProbe.of(result));
            }
        }
        return true;
    }

    boolean full() {
        return seen.size() >= maxProbes;
    }

    /** What was counted; {@code incomplete} says why the span was not read whole, null when it was. */
    EpisodeProbes result(String incomplete) {
        List<FailedProbe> listed = new ArrayList<>(failures);
        listed.sort(Comparator.comparing(FailedProbe::at).thenComparing(FailedProbe::probeId));
        return new EpisodeProbes(from, to, seen.size(), failed, outcomes, List.copyOf(regions), listed, listLimit,
                incomplete);
    }
}
