package dev.llmuptime.ops;

import dev.llmuptime.config.KafkaConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * A service's Kafka topics, created in the background by {@link TopicSetup}: whether they exist
 * yet and, until they do, why not, for {@code /health}. Every failure is counted in
 * {@code llm.topic.setup.failures}; one that ends the setup is also logged here, not lost. Retention
 * found to differ from the configured one is shown in {@code llm.topic.retention.mismatch}.
 */
public final class TopicReadiness implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TopicReadiness.class);

    private final String bootstrapServers;
    private final Counter failures;
    private final RetentionGauges retention;
    private volatile Disposable setup;
    private volatile boolean ready;
    private volatile String lastFailure;
    private volatile boolean gaveUp;

    TopicReadiness(String bootstrapServers, MeterRegistry registry) {
        this.bootstrapServers = bootstrapServers;
        this.failures = Counter.builder("llm.topic.setup.failures")
                .description("Failed attempts to create the service's Kafka topics").register(registry);
        this.retention = new RetentionGauges(registry);
    }

    /**
     * Starts creating {@code topics} and {@code compacted} (retrying every {@code retryEvery}) and runs
     * {@code whenReady} once they all exist.
     */
    public static TopicReadiness start(KafkaConfig kafka, List<String> topics, List<String> compacted,
            Duration retryEvery, MeterRegistry registry, Runnable whenReady) {
        TopicReadiness readiness = new TopicReadiness(kafka.bootstrapServers(), registry);
        return readiness.follow(TopicSetup.ensure(kafka, topics, compacted, retryEvery, readiness::attemptFailed,
                readiness.retention::record), whenReady);
    }

    /** The same for topics described whole; those named in {@code growing} get more partitions when they have fewer. */
    public static TopicReadiness start(KafkaConfig kafka, List<NewTopic> topics, Set<String> growing,
            Duration retryEvery, MeterRegistry registry, Runnable whenReady) {
        TopicReadiness readiness = new TopicReadiness(kafka.bootstrapServers(), registry);
        return readiness.follow(TopicSetup.ensure(kafka, topics, growing, retryEvery, readiness::attemptFailed,
                readiness.retention::record), whenReady);
    }

    TopicReadiness follow(Mono<Void> creation, Runnable whenReady) {
        setup = creation.subscribe(null, this::failed, () -> {
            try {
                whenReady.run();
                ready = true;
            } catch (RuntimeException e) {
                failed(e);
            }
        });
        return this;
    }

    /** True once the topics exist and what waited for them has started. */
    public boolean ready() {
        return ready;
    }

    /** Why the topics are not ready, for {@code /health}. */
    public String whyNotReady() {
        if (gaveUp) {
            return "Kafka topics at " + bootstrapServers + " could not be set up: " + lastFailure;
        }
        String reason = lastFailure == null ? "" : " (" + lastFailure + ")";
        return "Kafka at " + bootstrapServers + " not reachable yet" + reason;
    }

    @Override
    public void close() {
        Disposable running = setup;
        if (running != null) {
            running.dispose();
        }
    }

    private void attemptFailed(Throwable failure) {
        lastFailure = failure.getMessage();
        failures.increment();
    }

    private void failed(Throwable failure) {
        lastFailure = KafkaRefusal.describe(failure).map(refusal -> "Kafka refused the connection: " + refusal)
                .orElse(failure.toString());
        gaveUp = true;
        failures.increment();
        log.error("Kafka topics at {} could not be set up, so the service does not start its work: {}",
                bootstrapServers, lastFailure);
    }
}
