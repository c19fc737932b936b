package dev.llmuptime.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code llm.topic.retention.mismatch{topic}}: 1 while a topic keeps its records for another time
 * than configured, 0 when it agrees, so an operator can alert on an audit record shorter than promised.
 */
final class RetentionGauges {

    private final MeterRegistry registry;
    private final Map<String, AtomicInteger> mismatches = new ConcurrentHashMap<>();

    RetentionGauges(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(RetentionCheck check) {
        mismatches.computeIfAbsent(check.topic(), this::register).set(check.differs() ? 1 : 0);
    }

    private AtomicInteger register(String topic) {
        AtomicInteger mismatch = new AtomicInteger();
        // Held strongly: the gauge outlives the topic setup that made it, and a weak one would read NaN once collected.
        Gauge.builder("llm.topic.retention.mismatch", mismatch, AtomicInteger::get).tag("topic", topic)
                .description("1 while the topic's retention.ms differs from the configured retention, else 0")
                .strongReference(true).register(registry);
        return mismatch;
    }
}
