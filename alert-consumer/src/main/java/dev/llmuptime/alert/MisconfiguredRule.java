package dev.llmuptime.alert;

import dev.llmuptime.schema.AlertStatus;
import dev.llmuptime.schema.Outcomes;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The built-in {@code probe-misconfigured} rule: a target whose last probe failed on the monitor's
 * own side (AUTH_ERROR, CLIENT_ERROR), read on the smallest window. It fires at once, on every
 * target, to every webhook, and resolves on the first probe the provider accepts.
 */
record MisconfiguredRule(Duration window) implements WindowRule {

    static final String NAME = "probe-misconfigured";

    private static final Pattern EVERY_TARGET = Rule.glob("*");

    @Override
    public Verdict judge(StatsUpdate update) {
        boolean problem = Outcomes.isMonitorSide(update.current().getLastOutcome());
        return new Verdict(problem, !problem, null, null);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Pattern targets() {
        return EVERY_TARGET;
    }

    @Override
    public String severity() {
        return "warning";
    }

    @Override
    public List<String> webhooks() {
        return null;
    }

    @Override
    public Duration forDuration() {
        return Duration.ZERO;
    }

    @Override
    public Duration keepFiringFor() {
        return Duration.ZERO;
    }

    @Override
    public String metricName() {
        return "last-outcome";
    }

    @Override
    public String describe(AlertStatus status, Double value) {
        return status == AlertStatus.FIRING
                ? "probes fail on the monitor's side (auth or request error); check the target's config and key"
                : "probes are accepted again";
    }
}
