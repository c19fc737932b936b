package dev.llmuptime.probe;

import dev.llmuptime.schema.Outcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One target's probe meters, kept so a probe records without a registry lookup. Those not every
 * target has are registered when first needed: a target without streamed answers has no
 * time-to-first-token series, one that never fell behind no skipped-ticks series.
 */
final class TargetMeters {

    private final MeterRegistry registry;
    private final String targetId;
    private final Duration[] latencyBuckets;
    private final Timer latency;
    private final Map<Outcome, Counter> probesByOutcome = new ConcurrentHashMap<>();
    /** The current backoff reason, which every reason's gauge reads; null when the target does not wait. */
    private final AtomicReference<String> backoffReason = new AtomicReference<>();
    private final Set<String> backoffGauges = ConcurrentHashMap.newKeySet();
    // Two threads may register the same meter at once: the registry then returns the same one to both.
    private volatile Timer ttft;
    private volatile Counter skippedTicks;

    TargetMeters(MeterRegistry registry, String targetId, Duration[] latencyBuckets) {
        this.registry = registry;
        this.targetId = targetId;
        this.latencyBuckets = latencyBuckets;
        this.latency = timer("llm.probe.latency", "Total probe latency");
    }

    Counter probes(Outcome outcome) {
        return probesByOutcome.computeIfAbsent(outcome, key -> Counter.builder("llm.probes")
                .description("Probes run, by target and outcome").tag("target", targetId).tag("outcome", key.name())
                .register(registry));
    }

    Timer latency() {
        return latency;
    }

    Timer ttft() {
        if (ttft == null) {
            ttft = timer("llm.probe.ttft", "Time to first token");
        }
        return ttft;
    }

    Counter skippedTicks() {
        if (skippedTicks == null) {
            skippedTicks = Counter.builder("llm.probe.skipped.ticks")
                    .description("Ticks skipped because the previous probe of the target had not finished")
                    .tag("target", targetId).register(registry);
        }
        return skippedTicks;
    }

    /** The gauge of {@code reason} reads 1 from now on, every other reason's 0; null sets them all to 0. */
    void backoff(String reason) {
        backoffReason.set(reason);
        if (reason != null && backoffGauges.add(reason)) {
            Gauge.builder("llm.probe.backoff", backoffReason, now -> reason.equals(now.get()) ? 1 : 0)
                    .description("1 while the target's next probe waits longer than its cadence for this reason")
                    .tag("target", targetId).tag("reason", reason).register(registry);
        }
    }

    private Timer timer(String name, String description) {
        return Timer.builder(name).description(description).tag("target", targetId)
                .serviceLevelObjectives(latencyBuckets).register(registry);
    }
}
