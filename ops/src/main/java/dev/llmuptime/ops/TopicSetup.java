package dev.llmuptime.ops;

import dev.llmuptime.config.Durations;
import dev.llmuptime.config.KafkaConfig;
import dev.llmuptime.config.TopicRetention;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.InvalidPartitionsException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

/**
 * Creates the topics a service needs if they are missing. Without a reachable broker it keeps
 * trying (a service starts before Kafka in many deployments) and reports, through the returned
 * {@link Mono}, when the topics exist. Topics with a configured retention ({@code kafka.retention})
 * are created with it; an existing one whose retention differs is warned about, never altered. A
 * broker that refuses the client's credentials or certificates ends it with the failure instead:
 * retrying would not change the answer.
 */
public final class TopicSetup {

    private static final Logger log = LoggerFactory.getLogger(TopicSetup.class);

    private TopicSetup() {
    }

    /** Completes once every topic exists; retries every {@code retryEvery} until then. */
    public static Mono<Void> ensure(KafkaConfig kafka, List<String> topics, Duration retryEvery) {
        return ensure(kafka, topics, List.of(), retryEvery, failure -> { }, check -> { });
    }

    /**
     * The same, with {@code compacted} topics created with {@code cleanup.policy=compact}, telling
     * {@code failedAttempt} why each attempt that will be retried failed and {@code retentionChecked}
     * the retention of every topic with a configured one.
     */
    public static Mono<Void> ensure(KafkaConfig kafka, List<String> topics, List<String> compacted, Duration retryEvery,
            Consumer<Throwable> failedAttempt, Consumer<RetentionCheck> retentionChecked) {
        List<NewTopic> wanted = new ArrayList<>();
        topics.forEach(name -> wanted.add(new NewTopic(name, kafka.partitions(), kafka.replicationFactor().shortValue())));
        compacted.forEach(name -> wanted.add(new NewTopic(name, kafka.partitions(), kafka.replicationFactor().shortValue())
                .configs(Map.of("cleanup.policy", "compact"))));
        return ensure(kafka, wanted, Set.of(), retryEvery, failedAttempt, retentionChecked);
    }

    /**
     * The same for topics described whole; a topic named in {@code growing} that exists with fewer
     * partitions than wanted is given more.
     */
    public static Mono<Void> ensure(KafkaConfig kafka, List<NewTopic> wanted, Set<String> growing, Duration retryEvery,
            Consumer<Throwable> failedAttempt, Consumer<RetentionCheck> retentionChecked) {
        return Mono.<Void>fromRunnable(() -> create(kafka, wanted, growing, retentionChecked))
                .subscribeOn(Schedulers.boundedElastic())
                .retryWhen(Retry.fixedDelay(Long.MAX_VALUE, retryEvery)
                        // A refused login or certificate stays refused: stop and say so.
                        .filter(failure -> KafkaRefusal.describe(failure).isEmpty())
                        .doBeforeRetry(signal -> failedAttempt.accept(signal.failure()))
                        .doBeforeRetry(signal -> log.warn("Kafka at {} not reachable to create topics {} ({}); "
                                + "retrying every {} s", kafka.bootstrapServers(), names(wanted),
                                signal.failure().getMessage(), retryEvery.toSeconds())))
                .doOnSuccess(done -> log.info("Kafka topics ready: {}", names(wanted)));
    }

    private static List<String> names(List<NewTopic> topics) {
        return topics.stream().map(NewTopic::name).toList();
    }

    private static void create(KafkaConfig kafka, List<NewTopic> topics, Set<String> growing,
            Consumer<RetentionCheck> retentionChecked) {
        Map<String, Object> properties = new HashMap<>(kafka.clientProperties());
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        try (Admin admin = Admin.create(properties)) {
            for (NewTopic given : topics) {
                Optional<TopicRetention> retention = kafka.retentionOf(given.name());
                NewTopic topic = retention.map(wanted -> withRetention(given, wanted)).orElse(given);
                try {
                    admin.createTopics(List.of(topic)).all().get(15, TimeUnit.SECONDS);
                    retention.ifPresent(wanted -> retentionChecked.accept(
                            new RetentionCheck(topic.name(), wanted, wanted.millis())));
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + topic.name() + ": "
                                + e.getCause().getMessage(), e.getCause());
                    }
                    if (growing.contains(topic.name())) {
                        grow(admin, topic);
                    }
                    if (retention.isPresent()) {
                        checkRetention(admin, topic.name(), retention.get()).ifPresent(retentionChecked);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("timed out", e);
        }
    }

    private static NewTopic withRetention(NewTopic topic, TopicRetention retention) {
        Map<String, String> configs = new HashMap<>(topic.configs() == null ? Map.of() : topic.configs());
        configs.put(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(retention.millis()));
        return new NewTopic(topic.name(), topic.numPartitions(), topic.replicationFactor()).configs(configs);
    }

    /** Reads an existing topic's retention and warns when it differs; an operator's choice is never overwritten. */
    private static Optional<RetentionCheck> checkRetention(Admin admin, String topic, TopicRetention configured)
            throws InterruptedException, TimeoutException {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        try {
            Config config = admin.describeConfigs(List.of(resource)).all().get(15, TimeUnit.SECONDS).get(resource);
            RetentionCheck check = new RetentionCheck(topic, configured,
                    Long.parseLong(config.get(TopicConfig.RETENTION_MS_CONFIG).value()));
            if (check.differs()) {
                log.warn("Topic {} keeps records for {} (retention.ms={}), but {} is {} (retention.ms={}); the topic "
                        + "is left as it is. To apply the configured retention: kafka-configs.sh --alter --entity-type "
                        + "topics --entity-name {} --add-config retention.ms={}", topic,
                        describe(check.actualMillis()), check.actualMillis(), configured.key(),
                        Durations.format(configured.duration()), configured.millis(), topic, configured.millis());
            }
            return Optional.of(check);
        } catch (ExecutionException e) {
            // Not being allowed to read a topic's settings must not keep the service from starting.
            log.warn("Cannot read the retention of topic {} to compare it with {}: {}", topic, configured.key(),
                    e.getCause().getMessage());
            return Optional.empty();
        }
    }

    private static String describe(long retentionMillis) {
        return retentionMillis < 0 ? "ever" : Durations.format(Duration.ofMillis(retentionMillis));
    }

    private static void grow(Admin admin, NewTopic topic) throws InterruptedException, TimeoutException {
        try {
            int partitions = admin.describeTopics(List.of(topic.name())).allTopicNames().get(15, TimeUnit.SECONDS)
                    .get(topic.name()).partitions().size();
            if (partitions < topic.numPartitions()) {
                admin.createPartitions(Map.of(topic.name(), NewPartitions.increaseTo(topic.numPartitions())))
                        .all().get(15, TimeUnit.SECONDS);
                log.info("Topic {} grown from {} to {} partitions", topic.name(), partitions, topic.numPartitions());
            }
        } catch (ExecutionException e) {
            // Another instance grew it at the same moment, to the same count or more.
            if (!(e.getCause() instanceof InvalidPartitionsException)) {
                throw new IllegalStateException("cannot grow topic " + topic.name() + ": "
                        + e.getCause().getMessage(), e.getCause());
            }
        }
    }
}
