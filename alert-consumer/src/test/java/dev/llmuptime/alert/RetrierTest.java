package dev.llmuptime.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmuptime.alert.DeliveryOutcome.Delivered;
import dev.llmuptime.alert.DeliveryOutcome.Retry;
import dev.llmuptime.alert.DeliveryOutcome.Undeliverable;
import dev.llmuptime.config.BreakerConfig;
import dev.llmuptime.config.WebhookConfig;
import dev.llmuptime.ops.DeadLetterReason;
import dev.llmuptime.schema.AlertEvent;
import dev.llmuptime.schema.AlertStatus;
import dev.llmuptime.testkit.WebhookReceiver;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The delivery stages of one event against a real receiver on 127.0.0.1, in virtual time: every
 * wait moves the clock on at once, so backoff and an open circuit take milliseconds.
 */
class RetrierTest {

    private static final long SEED = 11;
    private static final AlertEvent EVENT = PayloadGoldenTest.event(AlertStatus.FIRING);
    private static final Notification FIRST = new Notification(EVENT, 0);

    private final WebhookReceiver receiver = new WebhookReceiver();
    private final SteppingClock clock = new SteppingClock(EVENT.getEmittedAt());
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<Duration> waits = new ArrayList<>();
    /** The circuit gauge at each wait: 0 closed, 1 open, 2 half-open. */
    private final List<Double> circuitAtWait = new ArrayList<>();
    private boolean stopAtFirstWait;
    private boolean running = true;

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void retriesUntilDeliveredWaitingAsTheRetryPolicySays() throws Exception {
        receiver.answer(503, 500);

        DeliveryOutcome outcome = retrier(Duration.ofHours(1), BreakerConfig.DEFAULT).deliver(FIRST);

        assertThat(outcome).isEqualTo(new Delivered(EVENT, 3));
        RetryPolicy samePolicy = new RetryPolicy(new Random(SEED));
        Attempt failed = Attempt.retry("HTTP 503", null);
        assertThat(waits).containsExactly(samePolicy.delay(1, failed), samePolicy.delay(2, failed));
        assertThat(receiver.requests()).hasSize(3).extracting(request -> request.header("Idempotency-Key"))
                .containsOnly(EVENT.getAlertId() + ":FIRING");
        assertThat(registry.get("llm.alert.delivery.retries").counter().count()).isEqualTo(2.0);
    }

    @Test
    void aRejectionIsFinalAtOnce() throws Exception {
        receiver.answer(400);

        DeliveryOutcome outcome = retrier(Duration.ofHours(1), BreakerConfig.DEFAULT).deliver(FIRST);

        assertThat(outcome).isEqualTo(new Undeliverable(DeadLetterReason.REJECTED, "HTTP 400: {}", 1));
        assertThat(waits).isEmpty();
    }

    @Test
    void anEventNotDeliveredWithinMaxRetryAgeExpiresNamingTheLastFailure() throws Exception {
        receiver.otherwise(503);

        DeliveryOutcome outcome = retrier(Duration.ofSeconds(10), BreakerConfig.DEFAULT).deliver(FIRST);

        int attempts = receiver.requests().size();
        assertThat(attempts).isPositive();
        assertThat(outcome).isEqualTo(new Undeliverable(DeadLetterReason.EXPIRED,
                "not delivered within max-retry-age 10s after " + attempts + " attempts; last: HTTP 503: {}",
                attempts));
        assertThat(waits.stream().reduce(Duration.ZERO, Duration::plus)).isGreaterThan(Duration.ofSeconds(10));
    }

    @Test
    void anOpenCircuitHoldsCallsBackUntilItsWaitIsOver() throws Exception {
        receiver.answer(503, 503);

        DeliveryOutcome outcome = retrier(Duration.ofHours(1), new BreakerConfig(50, 2, 2, Duration.ofSeconds(30), 1))
                .deliver(FIRST);

        assertThat(outcome).isEqualTo(new Delivered(EVENT, 3));
        assertThat(receiver.requests()).hasSize(3);
        // After the second failure: its backoff, then one-second rechecks until 30 s have passed.
        List<Duration> rechecks = waits.subList(2, waits.size());
        assertThat(rechecks).isNotEmpty().containsOnly(Retrier.CIRCUIT_RECHECK);
        assertThat(waits.get(1).plus(Retrier.CIRCUIT_RECHECK.multipliedBy(rechecks.size())))
                .isBetween(Duration.ofSeconds(30), Duration.ofSeconds(31));
        assertThat(circuitAtWait.subList(1, circuitAtWait.size())).containsOnly(1.0);
        assertThat(registry.get("llm.alert.webhook.circuit").gauge().value()).isZero();
    }

    @Test
    void stoppedBeforeAFinalOutcomeItLeavesTheLastRetry() throws Exception {
        receiver.otherwise(503);
        stopAtFirstWait = true;

        DeliveryOutcome outcome = retrier(Duration.ofHours(1), BreakerConfig.DEFAULT).deliver(FIRST);

        assertThat(outcome).isEqualTo(new Retry(waits.get(0), "HTTP 503: {}"));
        assertThat(outcome).isNotInstanceOf(DeliveryOutcome.Final.class);
        assertThat(receiver.requests()).hasSize(1);
    }

    @Test
    void aReminderIsSentWithItsNumberInTheBodyAndTheIdempotencyKey() throws Exception {
        receiver.answer(503);

        DeliveryOutcome outcome = retrier(Duration.ofHours(1), BreakerConfig.DEFAULT)
                .deliver(new Notification(EVENT, 2));

        assertThat(outcome).isEqualTo(new Delivered(EVENT, 2));
        assertThat(receiver.requests()).hasSize(2).extracting(request -> request.header("Idempotency-Key"))
                .containsOnly(EVENT.getAlertId() + ":FIRING:2");
        assertThat(new ObjectMapper().readTree(receiver.delivered().get(0).body()).path("notification").asInt())
                .isEqualTo(2);
    }

    private Retrier retrier(Duration maxRetryAge, BreakerConfig breaker) {
        WebhookConfig webhook = new WebhookConfig("ops", URI.create(receiver.url()), null, null, null, null, null,
                maxRetryAge, breaker);
        WebhookCircuit circuit = new WebhookCircuit(webhook, clock, registry);
        WebhookSender sender = new WebhookSender(HttpClient.newHttpClient(), webhook, "http://localhost:8080/", clock);
        WebhookCall call = new WebhookCall(sender, circuit, new RetryPolicy(new Random(SEED)));
        return new Retrier(webhook, call, circuit, new DeliveryMetrics(registry, "ops"), clock, this::pause,
                () -> running);
    }

    private void pause(Duration wait) {
        waits.add(wait);
        circuitAtWait.add(registry.get("llm.alert.webhook.circuit").gauge().value());
        clock.advance(wait);
        running = !stopAtFirstWait;
    }
}
