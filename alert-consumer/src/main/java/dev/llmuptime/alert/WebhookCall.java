package dev.llmuptime.alert;

import dev.llmuptime.alert.DeliveryOutcome.Delivered;
import dev.llmuptime.alert.DeliveryOutcome.Retry;
import dev.llmuptime.alert.DeliveryOutcome.Undeliverable;
import dev.llmuptime.ops.DeadLetterReason;

/** One attempt: sends the event, tells the circuit how it went, and says what it means for the event. */
final class WebhookCall {

    private final WebhookSender sender;
    private final WebhookCircuit circuit;
    private final RetryPolicy retryPolicy;

    WebhookCall(WebhookSender sender, WebhookCircuit circuit, RetryPolicy retryPolicy) {
        this.sender = sender;
        this.circuit = circuit;
        this.retryPolicy = retryPolicy;
    }

    /** Attempt number {@code attempt} (1 for the first); the circuit must have permitted it. */
    DeliveryOutcome attempt(Notification notification, int attempt) throws InterruptedException {
        long started = System.nanoTime();
        Attempt result = sender.send(notification);
        circuit.record(result, System.nanoTime() - started);
        return switch (result.result()) {
            case DELIVERED -> new Delivered(notification.event(), attempt);
            case PERMANENT -> new Undeliverable(DeadLetterReason.REJECTED, result.reason(), attempt);
            case RETRY -> new Retry(retryPolicy.delay(attempt, result), result.reason());
        };
    }
}
