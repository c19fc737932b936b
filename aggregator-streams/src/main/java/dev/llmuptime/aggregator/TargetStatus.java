package dev.llmuptime.aggregator;

import dev.llmuptime.aggregator.state.Streak;
import dev.llmuptime.schema.Outcome;
import dev.llmuptime.schema.Outcomes;
import java.time.Duration;
import java.time.Instant;

/** The one-word state of a target shown on the dashboard and in {@code GET /api/v1/targets}. */
enum TargetStatus {
    UP("up"), DEGRADED("degraded"), DOWN("down"), MISCONFIGURED("probe misconfigured"), NO_DATA("no data");

    private final String label;

    TargetStatus(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /**
     * No probe for twice the smallest window: no data. The last probe failed on the monitor's side:
     * misconfigured. Two failures in a row: down. One failure, a slow answer or uptime under 99 %
     * over the last hour: degraded.
     */
    static TargetStatus of(Streak streak, Double uptimeLastHour, Duration smallestWindow, Instant now) {
        if (streak == null || Instant.ofEpochMilli(streak.getLastProbeAt()).isBefore(now.minus(smallestWindow.multipliedBy(2)))) {
            return NO_DATA;
        }
        Outcome last = Outcome.valueOf(streak.getLastOutcome());
        if (Outcomes.isMonitorSide(last)) {
            return MISCONFIGURED;
        }
        if (streak.getConsecutiveFailures() >= 2) {
            return DOWN;
        }
        if (streak.getConsecutiveFailures() == 1 || last == Outcome.SLOW
                || uptimeLastHour != null && uptimeLastHour < 0.99) {
            return DEGRADED;
        }
        return UP;
    }
}
