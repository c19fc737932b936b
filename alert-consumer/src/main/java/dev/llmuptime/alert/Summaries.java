package dev.llmuptime.alert;

import dev.llmuptime.schema.AlertStatus;

/** One line a person reads in a notification: which rule, which target, what was measured. */
final class Summaries {

    private Summaries() {
    }

    static String of(Rule rule, String target, String model, AlertStatus status, Double value) {
        String subject = target + (model == null ? "" : " (" + model + ")");
        return (status == AlertStatus.FIRING ? "" : "resolved: ") + rule.name() + " on " + subject + ": "
                + rule.describe(status, value);
    }
}
