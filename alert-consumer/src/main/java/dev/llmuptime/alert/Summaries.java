package dev.llmuptime.alert;

import dev.llmuptime.schema.AlertStatus;

/** One line a person reads in a notification: which rule, which target, what was measured. */
final class Summaries {

    private Summaries() {
    }

    static String of(Rule rule, String target, String model, AlertStatus status, Double value) {
        return of(rule.name(), target, model, status, rule.describe(status, value));
    }

    /** The same line, saying {@code what} happened in the rule's stead (e.g. why it resolved). */
    static String of(String rule, String target, String model, AlertStatus status, String what) {
        String subject = target + (model == null ? "" : " (" + model + ")");
        return (status == AlertStatus.FIRING ? "" : "resolved: ") + rule + " on " + subject + ": " + what;
    }
}
