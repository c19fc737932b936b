package dev.llmuptime.alert;

import dev.llmuptime.schema.AlertStatus;
import dev.llmuptime.schema.WindowStats;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A rule on a condition ({@code METRIC OP NUMBER}) over its window's stats. It sees a problem with at
 * least {@code minSamples} probes read and the condition holding; it sees a recovery when
 * {@code resolveWhen} holds or, without one, with enough samples and the condition false.
 *
 * @param resolveWhen null when the rule resolves on its condition being false
 */
record ThresholdRule(String name, Pattern targets, Duration window, Condition condition, Condition resolveWhen,
        int minSamples, Duration forDuration, Duration keepFiringFor, String severity, List<String> webhooks,
        Duration flapWindow) implements WindowRule {

    @Override
    public Verdict judge(StatsUpdate update) {
        WindowStats read = update.readBy(condition);
        boolean enoughSamples = read.getCount() >= minSamples;
        boolean holds = condition.holds(read);
        boolean recovered = resolveWhen != null
                ? resolveWhen.holds(update.readBy(resolveWhen))
                : enoughSamples && !holds;
        return new Verdict(enoughSamples && holds, recovered, condition.value(read), condition.threshold());
    }

    @Override
    public String metricName() {
        return condition.metric().name();
    }

    @Override
    public String describe(AlertStatus status, Double value) {
        return condition.metric().name() + " = " + format(value)
                + (status == AlertStatus.FIRING ? " (" + condition + ")" : "");
    }

    private static String format(Double value) {
        if (value == null) {
            return "n/a";
        }
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf(value.longValue())
                : String.format(Locale.ROOT, "%.4g", value);
    }
}
