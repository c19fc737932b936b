package dev.llmuptime.alert;

import dev.llmuptime.schema.AlertStatus;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The warning a critical rule raises for one region that sees its problem while the others do not:
 * a failure at one vantage point (its network, its prober) is worth a look, not a page. Named
 * {@code <rule>-region}; its states are kept per region. It holds and resolves on the critical
 * rule's own timers.
 */
record RegionalRule(WindowRule critical) implements Rule {

    static final String SEVERITY = "warning";
    private static final String SUFFIX = "-region";

    /** Whether {@code rule} pages only on a strict majority of regions and warns for one region alone. */
    static boolean votes(Rule rule) {
        return rule instanceof WindowRule && rule.severity().equals("critical");
    }

    @Override
    public String name() {
        return critical.name() + SUFFIX;
    }

    @Override
    public Pattern targets() {
        return critical.targets();
    }

    @Override
    public String severity() {
        return SEVERITY;
    }

    @Override
    public List<String> webhooks() {
        return critical.webhooks();
    }

    @Override
    public Duration forDuration() {
        return critical.forDuration();
    }

    @Override
    public Duration keepFiringFor() {
        return critical.keepFiringFor();
    }

    @Override
    public String metricName() {
        return critical.metricName();
    }

    @Override
    public String describe(AlertStatus status, Double value) {
        return critical.describe(status, value);
    }
}
