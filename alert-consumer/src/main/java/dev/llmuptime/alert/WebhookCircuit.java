package dev.llmuptime.alert;

import dev.llmuptime.config.BreakerConfig;
import dev.llmuptime.config.WebhookConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * One webhook's circuit breaker, set by its {@code circuit-breaker} config, with its state as the
 * gauge {@code llm.alert.webhook.circuit}: a receiver that keeps failing is left alone for a while.
 */
final class WebhookCircuit {

    private final CircuitBreaker breaker;

    WebhookCircuit(WebhookConfig webhook, Clock clock, MeterRegistry registry) {
        BreakerConfig settings = webhook.circuitBreaker();
        this.breaker = CircuitBreaker.of("webhook-" + webhook.name(), CircuitBreakerConfig.custom()
                .failureRateThreshold(settings.failureRateThreshold())
                .slidingWindowSize(settings.slidingWindow())
                .minimumNumberOfCalls(settings.minimumCalls())
                .waitDurationInOpenState(settings.waitInOpen())
                .permittedNumberOfCallsInHalfOpenState(settings.halfOpenCalls())
                .clock(clock)
                .build());
        Gauge.builder("llm.alert.webhook.circuit", breaker, b -> switch (b.getState()) {
            case CLOSED -> 0;
            case OPEN -> 1;
            case HALF_OPEN -> 2;
            default -> 3;
        }).description("Circuit breaker per webhook: 0 closed, 1 open, 2 half-open").tag("webhook", webhook.name())
                .register(registry);
    }

    /** Whether a call may be made now; a true answer must be followed by {@link #record}. */
    boolean permits() {
        return breaker.tryAcquirePermission();
    }

    void record(Attempt attempt, long tookNanos) {
        switch (attempt.result()) {
            // A receiver that answers, even with a rejection, is up.
            case DELIVERED, PERMANENT -> breaker.onSuccess(tookNanos, TimeUnit.NANOSECONDS);
            case RETRY -> breaker.onError(tookNanos, TimeUnit.NANOSECONDS, new IllegalStateException(attempt.reason()));
        }
    }
}
