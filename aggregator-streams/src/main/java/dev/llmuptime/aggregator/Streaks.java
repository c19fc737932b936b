package dev.llmuptime.aggregator;

import dev.llmuptime.aggregator.state.Streak;
import dev.llmuptime.schema.Outcome;
import dev.llmuptime.schema.Outcomes;
import dev.llmuptime.schema.ProbeResult;

/**
 * A target's current streak, in probe order: up outcomes extend the success streak, outcomes
 * that count against uptime extend the failure streak, AUTH_ERROR and CLIENT_ERROR leave both
 * as they are ({@link Outcomes}). A result older than the last one seen does not change the streak.
 */
final class Streaks {

    private Streaks() {
    }

    static Streak next(Streak previous, ProbeResult result) {
        long at = result.getStartedAt().toEpochMilli();
        if (previous != null && at < previous.getLastProbeAt()) {
            return previous;
        }
        int failures = previous == null ? 0 : previous.getConsecutiveFailures();
        int successes = previous == null ? 0 : previous.getConsecutiveSuccesses();
        Outcome outcome = result.getOutcome();
        if (Outcomes.isUp(outcome)) {
            successes++;
            failures = 0;
        } else if (Outcomes.countsAgainstUptime(outcome)) {
            failures++;
            successes = 0;
        }
        return new Streak(at, outcome.name(), failures, successes);
    }
}
