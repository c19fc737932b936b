package dev.llmuptime.alert;

import dev.llmuptime.alert.Quorum.RegionVote;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Each region's latest verdict on each voting rule, per target, with the time of the probe it was
 * drawn from: a region votes while that probe is recent, and is remembered after. Rebuilt from the stats read back on a
 * restart, like the window history.
 */
final class RegionVotes {

    private record Ballot(String rule, String targetId) {
    }

    private record Cast(Verdict verdict, long probeAt, long since) {
    }

    private final Map<Ballot, TreeMap<String, Cast>> ballots = new HashMap<>();

    /** Keeps {@code region}'s verdict on {@code rule} for the target, drawn from its probe at {@code probeAt}. */
    void cast(String rule, String targetId, String region, Verdict verdict, long probeAt) {
        TreeMap<String, Cast> casts = ballots.computeIfAbsent(new Ballot(rule, targetId), key -> new TreeMap<>());
        Cast before = casts.get(region);
        if (before == null || probeAt >= before.probeAt()) {
            boolean same = before != null && before.verdict().problem() == verdict.problem();
            casts.put(region, new Cast(verdict, probeAt, same ? before.since() : probeAt));
        }
    }

    /** The votes of the regions whose latest probe is at or after {@code recentFrom}, by region name. */
    Quorum tally(String rule, String targetId, long recentFrom) {
        List<RegionVote> votes = new ArrayList<>();
        TreeMap<String, Cast> casts = ballots.getOrDefault(new Ballot(rule, targetId), new TreeMap<>());
        casts.forEach((region, cast) -> {
            if (cast.probeAt() >= recentFrom) {
                votes.add(new RegionVote(region, cast.verdict(), cast.probeAt(), cast.since()));
            }
        });
        return new Quorum(votes, casts.size());
    }

    /** The regions whose latest probe is before {@code recentFrom}: they no longer vote. */
    List<String> silent(String rule, String targetId, long recentFrom) {
        return ballots.getOrDefault(new Ballot(rule, targetId), new TreeMap<>()).entrySet().stream()
                .filter(entry -> entry.getValue().probeAt() < recentFrom).map(Map.Entry::getKey).toList();
    }

    void forget(Predicate<String> gone) {
        ballots.keySet().removeIf(ballot -> gone.test(ballot.targetId()));
    }
}
