package dev.llmuptime.alert;

import dev.llmuptime.config.Durations;
import dev.llmuptime.schema.AlertStatus;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A rule on silence ({@code condition: no-data}): fires when no stats of a target arrived for
 * {@code forDuration}, or for {@code missedProbes} of the target's probe intervals if that is
 * longer (a target probed every 5 minutes is not silent after 2), and resolves on the next stats of
 * that target.
 */
record NoDataRule(String name, Pattern targets, Duration forDuration, String severity, List<String> webhooks,
        int missedProbes) implements Rule {

    /** Stats arriving end the silence at once. */
    @Override
    public Duration keepFiringFor() {
        return Duration.ZERO;
    }

    /** The rule as it applies to a target probed every {@code interval} (null: unknown, {@code for} alone). */
    NoDataRule forInterval(Duration interval) {
        if (interval == null || missedProbes == 0) {
            return this;
        }
        Duration missed = interval.multipliedBy(missedProbes);
        return missed.compareTo(forDuration) <= 0 ? this
                : new NoDataRule(name, targets, missed, severity, webhooks, missedProbes);
    }

    @Override
    public String metricName() {
        return "no-data";
    }

    @Override
    public String describe(AlertStatus status, Double value) {
        return status == AlertStatus.FIRING ? "no stats for " + Durations.format(forDuration) : "stats arrive again";
    }
}
