package dev.llmuptime.alert;

import dev.llmuptime.schema.AlertStatus;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A compiled alert rule: which targets it watches, how severe it is, where it is sent, and what it
 * measures. {@link WindowRule}s are judged on every stats update of their window; a
 * {@link NoDataRule} fires when a target's stats stop arriving.
 */
sealed interface Rule permits WindowRule, NoDataRule, RegionalRule {

    String name();

    /** The target ids it applies to, compiled from a {@link #glob}. */
    Pattern targets();

    String severity();

    /** Webhook names; null means every webhook. */
    List<String> webhooks();

    /** How long the problem must hold before FIRING. */
    Duration forDuration();

    /** How long the recovery must hold before RESOLVED. */
    Duration keepFiringFor();

    /** The metric an event of this rule reports. */
    String metricName();

    /** What a notification says about a transition to {@code status}, with the value measured. */
    String describe(AlertStatus status, Double value);

    default boolean appliesTo(String targetId) {
        return targets().matcher(targetId).matches();
    }

    /** Whether the rule sends to the webhook named {@code webhook}; no list means every webhook. */
    default boolean notifies(String webhook) {
        return webhooks() == null || webhooks().contains(webhook);
    }

    /** A glob over target ids: {@code *} any run of characters, {@code ?} one character. */
    static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
