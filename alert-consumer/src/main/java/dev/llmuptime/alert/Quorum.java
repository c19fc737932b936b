package dev.llmuptime.alert;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The votes of the regions that reported recently, on one rule for one target. Once two regions
 * have voted on the target it speaks for it: a problem when a strict majority of the recent ones
 * see one, a recovery when no majority does and at least half of them see a recovery; with one
 * region left, that region's own verdict. The value is the median of the
 * regions' values, which is past a threshold exactly when a majority's is. A region sees the
 * problem without a majority once every other region has voted since its problem began, and it has
 * voted since each region without the problem last had it: regions failing or recovering together
 * within one round of probes are never taken for one region alone.
 *
 * @param votes        each recent region's own verdict, by region name
 * @param regionsKnown how many regions have voted on the rule for the target, recent or not
 */
record Quorum(List<RegionVote> votes, int regionsKnown) {

    /**
     * One region's verdict on the rule, from the stats of its own probes.
     *
     * @param probeAt the probe the verdict was drawn from, epoch ms
     * @param since   the first probe since which the region has (or has not) seen the problem, epoch ms
     */
    record RegionVote(String region, Verdict verdict, long probeAt, long since) {
    }

    /** Whether the regions decide: the target has had several; with only one, the all-regions stats decide. */
    boolean decides() {
        return regionsKnown >= 2 && !votes.isEmpty();
    }

    /** Whether several regions vote now, so that one of them may see a problem alone. */
    boolean active() {
        return votes.size() >= 2;
    }

    List<String> failing() {
        return votes.stream().filter(vote -> vote.verdict().problem()).map(RegionVote::region).toList();
    }

    boolean majorityFails() {
        return failing().size() * 2 > votes.size();
    }

    /** Whether {@code vote}'s region sees the problem while no majority of the others, having voted since, does. */
    boolean alone(RegionVote vote) {
        return active() && vote.verdict().problem() && !majorityFails() && votes.stream()
                .allMatch(other -> other == vote || other.probeAt() > vote.since()
                        && (other.verdict().problem() || vote.probeAt() > other.since()));
    }

    /** Whether {@code vote}'s region no longer sees the problem alone: it recovered, or a majority sees it too. */
    boolean notAlone(RegionVote vote) {
        return !alone(vote) && (vote.verdict().recovered() || !active() || majorityFails());
    }

    /** What the regions together conclude. */
    Verdict verdict() {
        boolean problem = majorityFails();
        long recovered = votes.stream().filter(vote -> vote.verdict().recovered()).count();
        Double threshold = votes.stream().map(vote -> vote.verdict().threshold()).filter(Objects::nonNull)
                .findFirst().orElse(null);
        return new Verdict(problem, !problem && recovered * 2 >= votes.size(), median(), threshold);
    }

    /** {@code 2 of 3 regions failing (eu, us)}: what an alert on a target several regions probe adds. */
    String note() {
        List<String> failing = failing();
        return failing.size() + " of " + votes.size() + " regions failing"
                + (failing.isEmpty() ? "" : " (" + String.join(", ", failing) + ")");
    }

    private Double median() {
        List<Double> values = new ArrayList<>();
        votes.forEach(vote -> {
            if (vote.verdict().value() != null) {
                values.add(vote.verdict().value());
            }
        });
        if (values.isEmpty()) {
            return null;
        }
        values.sort(Double::compare);
        int middle = values.size() / 2;
        return values.size() % 2 == 1 ? values.get(middle) : (values.get(middle - 1) + values.get(middle)) / 2;
    }
}
