package dev.llmuptime.alert;

import dev.llmuptime.alert.DeliveryOutcome.Retry;
import dev.llmuptime.alert.DeliveryOutcome.Undeliverable;
import dev.llmuptime.config.Durations;
import dev.llmuptime.config.WebhookConfig;
import dev.llmuptime.ops.DeadLetterReason;
import dev.llmuptime.schema.AlertEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Attempts one event until it has a final outcome: delivered, rejected, or expired after the
 * webhook's {@code max-retry-age}. Between attempts it waits as the {@link RetryPolicy} says; while
 * the circuit is open it waits without attempting. Stopped before a final outcome, it returns the
 * last {@link Retry}, so the event is delivered again after a restart.
 */
final class Retrier {

    private static final Logger log = LoggerFactory.getLogger(Retrier.class);
    /** How often an open circuit is asked again whether it lets a call through. */
    static final Duration CIRCUIT_RECHECK = Duration.ofSeconds(1);

    private final WebhookConfig webhook;
    private final WebhookCall call;
    private final WebhookCircuit circuit;
    private final DeliveryMetrics metrics;
    private final Clock clock;
    private final Pause pause;
    private final BooleanSupplier running;

    Retrier(WebhookConfig webhook, WebhookCall call, WebhookCircuit circuit, DeliveryMetrics metrics, Clock clock,
            Pause pause, BooleanSupplier running) {
        this.webhook = webhook;
        this.call = call;
        this.circuit = circuit;
        this.metrics = metrics;
        this.clock = clock;
        this.pause = pause;
        this.running = running;
    }

    DeliveryOutcome deliver(Notification notification) throws InterruptedException {
        AlertEvent event = notification.event();
        Instant deadline = event.getEmittedAt().plus(webhook.maxRetryAge());
        int attempts = 0;
        Retry last = new Retry(Duration.ZERO, "not attempted yet");
        while (running.getAsBoolean()) {
            if (clock.instant().isAfter(deadline)) {
                return new Undeliverable(DeadLetterReason.EXPIRED, "not delivered within max-retry-age "
                        + Durations.format(webhook.maxRetryAge()) + " after " + attempts + " attempts"
                        + (attempts == 0 ? "" : "; last: " + last.reason()), attempts);
            }
            if (!circuit.permits()) {
                pause.await(CIRCUIT_RECHECK);
                continue;
            }
            attempts++;
            DeliveryOutcome outcome = call.attempt(notification, attempts);
            if (!(outcome instanceof Retry retry)) {
                return outcome;
            }
            metrics.retried();
            log.warn("Webhook {} failed for {} ({}); attempt {} again in {} ms", webhook.name(), event.getAlertId(),
                    retry.reason(), attempts + 1, retry.after().toMillis());
            last = retry;
            pause.await(retry.after());
        }
        return last;
    }
}
