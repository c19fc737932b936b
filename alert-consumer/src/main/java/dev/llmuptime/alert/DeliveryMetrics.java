package dev.llmuptime.alert;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** The counters of one webhook's deliveries; each appears on its first increment. */
final class DeliveryMetrics {

    private final MeterRegistry registry;
    private final String webhook;

    DeliveryMetrics(MeterRegistry registry, String webhook) {
        this.registry = registry;
        this.webhook = webhook;
    }

    void delivered() {
        finalOutcome("delivered");
    }

    void deadLettered() {
        finalOutcome("dead-lettered");
    }

    void retried() {
        Counter.builder("llm.alert.delivery.retries").description("Delivery attempts that will be retried")
                .tag("webhook", webhook).register(registry).increment();
    }

    private void finalOutcome(String result) {
        Counter.builder("llm.alert.deliveries").description("Alert deliveries by final outcome")
                .tag("webhook", webhook).tag("result", result).register(registry).increment();
    }
}
