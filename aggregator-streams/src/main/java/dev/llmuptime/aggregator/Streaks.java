package dev.llmuptime.aggregator;

import dev.llmuptime.aggregator.state.AnsweredProbe;
import dev.llmuptime.aggregator.state.Backoff;
import dev.llmuptime.aggregator.state.FailedProbe;
import dev.llmuptime.aggregator.state.Streak;
import dev.llmuptime.schema.Outcome;
import dev.llmuptime.schema.Outcomes;
import dev.llmuptime.schema.ProbeResult;
import java.util.ArrayList;
import java.util.List;

/**
 * A target's current streak, in probe order: up outcomes extend the success streak, outcomes
 * that count against uptime extend the failure streak, AUTH_ERROR and CLIENT_ERROR leave both
 * as they are ({@link Outcomes}). The streak also keeps the latest {@link #RECENT_FAILURES} probes
 * that counted against uptime, as evidence for the provider, and the latency of the latest
 * {@link #RECENT_ANSWERS} up probes in start order, so rules read the percentiles of exactly the last
 * minute instead of a window that still holds a slowdown ended long ago. It keeps the backoff the latest
 * result announced, so a later result without one ends it. A result older than the last one seen does
 * not change the streak, only the latest latencies.
 */
final class Streaks {

    /** How many failed probes a streak keeps: enough for a support ticket, small enough for every stats record. */
    static final int RECENT_FAILURES = 5;

    /** How many up probes a streak keeps: a minute of probes every 2 s, a few hundred bytes per record. */
    static final int RECENT_ANSWERS = 32;

    private Streaks() {
    }

    static Streak next(Streak previous, ProbeResult result) {
        long at = result.getStartedAt().toEpochMilli();
        if (previous != null && at < previous.getLastProbeAt()) {
            // A late result leaves the streak as it is, but its answer still counts among the latest latencies:
            // with several regions, a slow answer often ends after a faster one that started later.
            return Outcomes.isUp(result.getOutcome()) ? Streak.newBuilder(previous)
                    .setRecentAnswers(withAnswer(previous.getRecentAnswers(), result)).build() : previous;
        }
        int failures = previous == null ? 0 : previous.getConsecutiveFailures();
        int successes = previous == null ? 0 : previous.getConsecutiveSuccesses();
        List<FailedProbe> recentFailures = previous == null ? List.of() : previous.getRecentFailures();
        List<AnsweredProbe> recentAnswers = previous == null ? List.of() : previous.getRecentAnswers();
        Outcome outcome = result.getOutcome();
        if (Outcomes.isUp(outcome)) {
            successes++;
            failures = 0;
            recentAnswers = withAnswer(recentAnswers, result);
        } else if (Outcomes.countsAgainstUptime(outcome)) {
            failures++;
            successes = 0;
            recentFailures = withFailure(recentFailures, result);
        }
        return new Streak(at, outcome.name(), failures, successes, recentFailures, recentAnswers, backoff(result));
    }

    /** The wait {@code result} announced before the next probe; null when it announced none. */
    private static Backoff backoff(ProbeResult result) {
        if (result.getBackoffReason() == null || result.getBackoffUntil() == null) {
            return null;
        }
        return new Backoff(result.getBackoffReason(), result.getBackoffUntil().toEpochMilli());
    }

    private static List<FailedProbe> withFailure(List<FailedProbe> recent, ProbeResult result) {
        return latest(recent, FailedProbe.newBuilder()
                .setProbeId(result.getProbeId()).setStartedAt(result.getStartedAt().toEpochMilli())
                .setRegion(result.getRegion()).setOutcome(result.getOutcome().name())
                .setHttpStatus(result.getHttpStatus()).setErrorCode(result.getErrorCode())
                .setRequestId(result.getRequestId()).setMessage(result.getMessage())
                .build(), RECENT_FAILURES);
    }

    /** The latest {@link #RECENT_ANSWERS} of {@code recent} and {@code result}'s answer, in start order. */
    private static List<AnsweredProbe> withAnswer(List<AnsweredProbe> recent, ProbeResult result) {
        AnsweredProbe answer = new AnsweredProbe(result.getStartedAt().toEpochMilli(), (double) result.getLatencyMs());
        List<AnsweredProbe> kept = new ArrayList<>(recent);
        int index = kept.size();
        while (index > 0 && kept.get(index - 1).getStartedAt() > answer.getStartedAt()) {
            index--;
        }
        kept.add(index, answer);
        return List.copyOf(kept.subList(Math.max(0, kept.size() - RECENT_ANSWERS), kept.size()));
    }

    /** The last {@code limit} of {@code recent} followed by {@code newest}. */
    private static <T> List<T> latest(List<T> recent, T newest, int limit) {
        List<T> kept = new ArrayList<>(recent.subList(Math.max(0, recent.size() - limit + 1), recent.size()));
        kept.add(newest);
        return kept;
    }
}
