package dev.llmuptime.alert;

import dev.llmuptime.schema.AlertEvent;

/**
 * One event as a webhook is told of it.
 *
 * @param number 0 for the transition itself, n for the n-th reminder
 */
record Notification(AlertEvent event, int number) {

    /** The same on every retry and redelivery, so receivers can drop duplicates. */
    String idempotencyKey() {
        String key = event.getAlertId() + ":" + event.getStatus().name();
        return number == 0 ? key : key + ":" + number;
    }
}
