package dev.llmuptime.alert;

import dev.llmuptime.schema.AlertStatus;

/** One line a person reads in a notification: which rule, which target, what was measured. */
final class Summaries {

    private Summaries() {
    }

    static String of(Rule rule, String target, String model, AlertStatus status, Double value) {
        String subject = target + (model == null ? "" : " (" + model + ")");
        String what = switch (rule.kind()) {
            case NO_DATA -> status == AlertStatus.FIRING
                    ? "no stats for " + dev.llmuptime.config.Durations.format(rule.forDuration())
                    : "stats arrive again";
            case MISCONFIGURED -> status == AlertStatus.FIRING
                    ? "probes fail on the monitor's side (auth or request error); check the target's config and key"
                    : "probes are accepted again";
            case THRESHOLD -> rule.condition().metric().name() + " = " + format(value)
                    + (status == AlertStatus.FIRING ? " (" + rule.condition() + ")" : "");
        };
        return (status == AlertStatus.FIRING ? "" : "resolved: ") + rule.name() + " on " + subject + ": " + what;
    }

    private static String format(Double value) {
        if (value == null) {
            return "n/a";
        }
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf(value.longValue())
                : String.format(java.util.Locale.ROOT, "%.4g", value);
    }
}
