package dev.llmuptime.alert;

import dev.llmuptime.config.Durations;
import dev.llmuptime.schema.AlertStatus;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A rule on silence ({@code condition: no-data}): fires when no stats of a target arrived for
 * {@code forDuration}, and resolves on the next stats of that target.
 */
record NoDataRule(String name, Pattern targets, Duration forDuration, String severity, List<String> webhooks)
        implements Rule {

    /** Stats arriving end the silence at once. */
    @Override
    public Duration keepFiringFor() {
        return Duration.ZERO;
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
