package dev.llmuptime.probe;

import dev.llmuptime.config.TargetConfig;
import dev.llmuptime.schema.ProbeResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The prober's Micrometer meters. Latency histograms use fixed buckets, so a thousand targets do
 * not become a hundred thousand series.
 */
final class ProbeMetrics {

    private static final Duration[] LATENCY_BUCKETS = {Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
            Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(30),
            Duration.ofSeconds(60)};

    private final MeterRegistry registry;
    private final Timer schedulingLag;
    private final Counter sent;
    private final Map<String, TargetMeters> byTarget = new ConcurrentHashMap<>();

    ProbeMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.schedulingLag = Timer.builder("llm.probe.scheduling.lag")
                .description("How late probes start after their scheduled time")
                // Fixed buckets only: client-side percentiles may yield the thread, which an event loop must not.
                .serviceLevelObjectives(Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10),
                        Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
                        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(5))
                .register(registry);
        this.sent = Counter.builder("llm.probe.results.sent").description("Results acknowledged by Kafka")
                .register(registry);
    }

    /** How many targets this prober owns in its region, read from {@code owned} at each scrape. */
    void ownedTargets(Supplier<Number> owned) {
        Gauge.builder("llm.probe.owned.targets", owned).description("Targets this prober owns in its region")
                .register(registry);
    }

    /** By how much {@code probes.token-budget} stretched the intervals: 1 when it did not. */
    void budgetStretch(double factor) {
        Gauge.builder("llm.probe.budget.stretch", () -> factor)
                .description("Factor by which the token budget stretched the probe intervals; 1: not stretched")
                .register(registry);
    }

    void probed(ProbeResult result) {
        TargetMeters meters = of(result.getTargetId());
        meters.probes(result.getOutcome()).increment();
        meters.latency().record(result.getLatencyMs(), TimeUnit.MILLISECONDS);
        if (result.getTtftMs() != null) {
            meters.ttft().record(result.getTtftMs(), TimeUnit.MILLISECONDS);
        }
    }

    /** A target's meters, looked up once: building and registering them per probe cost more than recording. */
    private TargetMeters of(String targetId) {
        return byTarget.computeIfAbsent(targetId, id -> new TargetMeters(registry, id, LATENCY_BUCKETS));
    }

    void schedulingLag(Duration lag) {
        schedulingLag.record(lag.isNegative() ? Duration.ZERO : lag);
    }

    void skippedTicks(TargetConfig target, long skipped) {
        if (skipped > 0) {
            of(target.id()).skippedTicks().increment(skipped);
        }
    }

    /**
     * Whether {@code target}'s next probe waits longer than its cadence, and why: its gauge of
     * {@code reason} reads 1, every other reason's 0; a null reason sets them all to 0.
     */
    void backoff(TargetConfig target, String reason) {
        of(target.id()).backoff(reason);
    }

    void sent() {
        sent.increment();
    }

    void sendFailure(String reason) {
        Counter.builder("llm.probe.kafka.send.failures").description("Failed or blocked sends to Kafka")
                .tag("reason", reason).register(registry).increment();
    }

    void dropped(String reason) {
        Counter.builder("llm.probe.results.dropped").description("Results that will never reach Kafka")
                .tag("reason", reason).register(registry).increment();
    }
}
