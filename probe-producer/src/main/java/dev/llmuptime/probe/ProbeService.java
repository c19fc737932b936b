package dev.llmuptime.probe;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmuptime.config.ConfigException;
import dev.llmuptime.config.Durations;
import dev.llmuptime.config.MonitorConfig;
import dev.llmuptime.config.TargetConfig;
import dev.llmuptime.ops.Health;
import dev.llmuptime.ops.HttpAccess;
import dev.llmuptime.ops.OpsServer;
import dev.llmuptime.ops.ServiceLifecycle;
import dev.llmuptime.ops.TopicReadiness;
import dev.llmuptime.schema.ProbeResult;
import dev.llmuptime.schema.ProbeResultSerde;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * The running prober: shares its region's targets with the region's other probers through a Kafka
 * consumer group, probes the ones it owns, publishes each result to Kafka, and serves
 * {@code /metrics} and {@code /health}. Starts without a reachable broker (reporting not ready;
 * probing starts with the first assignment) and stops gracefully: it leaves the group, in-flight
 * probes finish or time out, then the producer is flushed.
 */
public final class ProbeService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ProbeService.class);
    private static final Duration SEND_PATIENCE = Duration.ofSeconds(30);
    private static final String ASSIGNMENT_TOPIC = "llm.probe.assignments";

    private final MonitorConfig config;
    private final String host;
    private final Clock clock;
    private final MeterRegistry registry;
    private final ProbeMetrics metrics;
    private final ServiceLifecycle lifecycle = new ServiceLifecycle("probe-producer");
    private final Sinks.Empty<Void> stop = Sinks.empty();
    private final CountDownLatch published = new CountDownLatch(1);
    private OpsServer ops;
    private TopicReadiness topics;
    private ResultPublisher publisher;
    private RegionMembership membership;
    private volatile Throwable publishingFailure;

    /** Throws {@link ConfigException} for a configuration this prober cannot run. */
    public ProbeService(MonitorConfig config, String host, Clock clock, MeterRegistry registry) {
        validate(config);
        this.config = config;
        this.host = host;
        this.clock = clock;
        this.registry = registry;
        this.metrics = new ProbeMetrics(registry);
    }

    static void validate(MonitorConfig config) {
        List<TargetConfig> targets = config.probes().targets();
        if (targets.isEmpty()) {
            throw new ConfigException("probes.targets: no targets configured, so there is nothing to probe");
        }
    }

    /** Serves /metrics and /health and starts probing, with or without a reachable broker. */
    public void start() {
        lifecycle.start(this::open);
    }

    // Opened in reverse order of closing: in-flight probes finish before the producer flushes.
    private void open() {
        BudgetStretch budget = BudgetStretch.fit(config.probes().targets(), config.probes().tokenBudget(), log::warn);
        metrics.budgetStretch(budget.factor());
        List<TargetConfig> targets = budget.targets();
        ops = lifecycle.closeOnStop(OpsServer.start(host, config.probes().httpPort(), registry, this::health,
                HttpAccess.of(config.http()), routes -> { }));
        ProbeHttpClient http = lifecycle.closeOnStop(new ProbeHttpClient(Math.max(100, targets.size() * 2)));
        ExecutorService senderThread = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "kafka-result-sender");
            thread.setDaemon(true);
            return thread;
        });
        lifecycle.onClose("kafka-result-sender", senderThread::shutdownNow);
        String proberId = ProberIdentity.of(config.probes());
        TargetPartitions partitions = TargetPartitions.of(targets);
        Prober prober = new Prober(http.client(), new ObjectMapper(), clock, config.probes().region(), proberId);
        ProbeScheduler scheduler = new ProbeScheduler(targets, prober, metrics, Schedulers.parallel(),
                RandomGenerator.getDefault());
        membership = new RegionMembership(config.kafka(), config.probes().region(), proberId, ASSIGNMENT_TOPIC,
                partitions, scheduler.handover());
        metrics.ownedTargets(membership::ownedCount);
        short replication = config.kafka().replicationFactor().shortValue();
        topics = lifecycle.closeOnStop(TopicReadiness.start(config.kafka(),
                List.of(new NewTopic(config.kafka().topics().probeResults(), config.kafka().partitions(), replication),
                        new NewTopic(ASSIGNMENT_TOPIC, partitions.count(), replication)),
                Set.of(ASSIGNMENT_TOPIC), Duration.ofSeconds(5), registry, membership::start));
        Producer<String, ProbeResult> producer = new KafkaProducer<>(producerProperties(config, proberId),
                new StringSerializer(), new ProbeResultSerde().serializer());
        lifecycle.onClose("Kafka producer", () -> producer.close(Duration.ofSeconds(10)));
        publisher = new ResultPublisher(producer, config.kafka().topics().probeResults(), metrics,
                Schedulers.fromExecutorService(senderThread, "kafka-result-sender"));
        logPlan(proberId, targets);
        publisher.publish(scheduler.run(membership.owned(), stop.asMono()))
                .doFinally(signal -> published.countDown())
                .subscribe(done -> { }, failure -> {
                    publishingFailure = failure;
                    log.error("Probing and publishing stopped", failure);
                });
        lifecycle.onClose("probing", this::finishProbing);
        // Closed first: leaving the group stops every probe, and hands each target over once its probe in flight ended.
        lifecycle.closeOnStop(membership);
    }

    public int opsPort() {
        return ops.port();
    }

    public Health health() {
        return lifecycle.health(() -> {
            if (publishingFailure != null) {
                return Health.down("probing stopped: " + publishingFailure);
            }
            if (!topics.ready()) {
                return Health.down(topics.whyNotReady() + "; probing starts once Kafka assigns this prober its targets");
            }
            if (membership.failure() != null) {
                return Health.down("left group " + membership.group() + " after an error, so it probes nothing: "
                        + membership.failure());
            }
            if (!membership.assigned()) {
                return Health.down("waiting for an assignment in group " + membership.group());
            }
            if (!publisher.flowing(SEND_PATIENCE)) {
                return Health.down(publisher.inFlight() + " results waiting for Kafka at "
                        + config.kafka().bootstrapServers() + " for more than " + SEND_PATIENCE.toSeconds() + " s");
            }
            return Health.up("owns " + membership.ownedCount() + " of " + config.probes().targets().size()
                    + " targets in region " + membership.region());
        });
    }

    /** Blocks until {@link #close()} has finished. */
    public void awaitClosed() throws InterruptedException {
        lifecycle.awaitClosed();
    }

    /** Stops probing: in-flight probes finish or time out, then results are flushed to Kafka. */
    @Override
    public void close() {
        lifecycle.close();
    }

    private void finishProbing() {
        log.info("Stopping: letting in-flight probes finish, then flushing results to Kafka");
        stop.tryEmitEmpty();
        Duration longestTimeout = config.probes().targets().stream().map(TargetConfig::timeout)
                .max(Duration::compareTo).orElse(Duration.ZERO);
        try {
            if (!published.await(longestTimeout.plus(SEND_PATIENCE).toMillis(), TimeUnit.MILLISECONDS)) {
                log.error("{} results could not be delivered to Kafka before shutdown", publisher.inFlight());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void logPlan(String proberId, List<TargetConfig> targets) {
        log.info("Prober {} shares {} targets with the other probers of region {}:", proberId, targets.size(),
                config.probes().region());
        for (TargetConfig target : targets) {
            log.info("  {}: {} {} {} at {} every {} (timeout {}), ~{} tokens per probe, ~{} per 30 days, ~{} with a "
                    + "day-long outage", target.id(), target.provider().configName(), target.check().configName(),
                    target.model(), target.baseUrl(), Durations.format(target.interval()),
                    Durations.format(target.timeout()), TokenBudget.tokensPerProbe(target),
                    TokenBudget.count(TokenBudget.tokensPerMonth(target)),
                    TokenBudget.count(TokenBudget.tokensPerMonthWithOutage(target)));
        }
        Long budget = config.probes().tokenBudget();
        log.info("Expected token use: about {} tokens per 30 days, about {} if every target is down for a whole "
                + "day and probed at its failing cadence{}", TokenBudget.count(TokenBudget.tokensPerMonth(targets)),
                TokenBudget.count(TokenBudget.tokensPerMonthWithOutage(targets)),
                budget == null ? "" : " (probes.token-budget: " + TokenBudget.count(budget) + ")");
    }

    private static Map<String, Object> producerProperties(MonitorConfig config, String proberId) {
        Map<String, Object> properties = new HashMap<>(config.kafka().clientProperties());
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, "probe-producer-" + proberId);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        // Keep retrying through a broker outage: the idempotent producer then writes each result
        // once and in order when the broker is back. The bound is the buffer, not time.
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.MAX_VALUE);
        properties.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 32L * 1024 * 1024);
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        // Results are read by windows of a minute: 20 ms more per result makes batches, and so broker requests,
        // four times fewer at thousands of probes a second.
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        properties.put(ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024);
        return properties;
    }
}
