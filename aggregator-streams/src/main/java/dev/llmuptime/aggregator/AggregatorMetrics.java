package dev.llmuptime.aggregator;

import dev.llmuptime.config.Durations;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;

/** The aggregator's own meters. */
final class AggregatorMetrics {

    private final MeterRegistry registry;
    private final Counter processed;

    AggregatorMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.processed = Counter.builder("llm.aggregator.results.processed")
                .description("Probe results aggregated").register(registry);
    }

    void processed() {
        processed.increment();
    }

    void late(Duration window) {
        Counter.builder("llm.aggregator.late.results.dropped")
                .description("Results that arrived after their window closed (window end + grace)")
                .tag("window", Durations.format(window)).register(registry).increment();
    }

    void emitted(boolean isFinal) {
        Counter.builder("llm.aggregator.stats.emitted").description("WindowStats records written")
                .tag("final", String.valueOf(isFinal)).register(registry).increment();
    }
}
