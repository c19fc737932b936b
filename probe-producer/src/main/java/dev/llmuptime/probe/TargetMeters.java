package dev.llmuptime.probe;

import dev.llmuptime.schema.Outcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One target's probe meters, each registered when first needed (a target without streamed answers
 * has no time-to-first-token series) and then kept, so a probe records without a registry lookup.
 */
final class TargetMeters {

    private final MeterRegistry registry;
    private final String targetId;
    private final Duration[] latencyBuckets;
    private final Map<Outcome, Counter> probesByOutcome = new ConcurrentHashMap<>();
    private volatile Timer latency;
    private volatile Timer ttft;
    private volatile Counter skippedTicks;

    TargetMeters(MeterRegistry registry, String targetId, Duration[] latencyBuckets) {
        this.registry = registry;
        this.targetId = targetId;
        this.latencyBuckets = latencyBuckets;
    }

    Counter probes(Outcome outcome) {
        return probesByOutcome.computeIfAbsent(outcome, key -> Counter.builder("llm.probes")
                .description("Probes run, by target and outcome").tag("target", targetId).tag("outcome", key.name())
                .register(registry));
    }

    // Two threads may register the same meter at once: the registry then returns the same one to both.
    Timer latency() {
        Timer timer = latency;
        if (timer == null) {
            timer = Timer.builder("llm.probe.latency").description("Total probe latency").tag("target", targetId)
                    .serviceLevelObjectives(latencyBuckets).register(registry);
            latency = timer;
        }
        return timer;
    }

    Timer ttft() {
        Timer timer = ttft;
        if (timer == null) {
            timer = Timer.builder("llm.probe.ttft").description("Time to first token").tag("target", targetId)
                    .serviceLevelObjectives(latencyBuckets).register(registry);
            ttft = timer;
        }
        return timer;
    }

    Counter skippedTicks() {
        Counter counter = skippedTicks;
        if (counter == null) {
            counter = Counter.builder("llm.probe.skipped.ticks")
                    .description("Ticks skipped because the previous probe of the target had not finished")
                    .tag("target", targetId).register(registry);
            skippedTicks = counter;
        }
        return counter;
    }
}
