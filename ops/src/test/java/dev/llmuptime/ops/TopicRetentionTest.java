package dev.llmuptime.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.llmuptime.config.KafkaConfig;
import dev.llmuptime.config.RetentionConfig;
import dev.llmuptime.config.TopicsConfig;
import dev.llmuptime.testkit.KafkaCluster;
import dev.llmuptime.testkit.SharedKafka;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/** Topics are created with the configured retention; an existing topic's retention is reported, never changed. */
@ExtendWith(SharedKafka.class)
class TopicRetentionTest {

    private static final long DAY = Duration.ofDays(1).toMillis();

    private final PrometheusMeterRegistry registry = Metrics.newRegistry("test-service");
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(TopicSetup.class);

    @BeforeEach
    void captureLogs() {
        logs.start();
        logger.addAppender(logs);
    }

    @AfterEach
    void releaseLogs() {
        logger.detachAppender(logs);
    }

    @Test
    void newTopicsGetTheConfiguredRetentionAndDeadLettersTheirSourceTopics(KafkaCluster kafka) throws Exception {
        TopicsConfig topics = uniqueTopics(kafka);
        KafkaConfig config = new KafkaConfig(kafka.bootstrapServers(), topics, 1, 1, Map.of(),
                new RetentionConfig(Duration.ofDays(2), Duration.ofHours(36), Duration.ofDays(400), null));
        String compacted = topics.alerts() + ".state";

        ready(config, List.of(topics.probeResults(), topics.stats(), topics.alerts(),
                TopicsConfig.deadLetterTopic(topics.probeResults()), TopicsConfig.deadLetterTopic(topics.alerts())),
                List.of(compacted));

        Map<String, String> retention = retentionMs(kafka, topics.probeResults(), topics.stats(), topics.alerts(),
                TopicsConfig.deadLetterTopic(topics.probeResults()), TopicsConfig.deadLetterTopic(topics.alerts()));
        assertThat(retention).containsEntry(topics.probeResults(), String.valueOf(2 * DAY))
                .containsEntry(topics.stats(), String.valueOf(36 * DAY / 24))
                .containsEntry(topics.alerts(), String.valueOf(400 * DAY))
                .containsEntry(TopicsConfig.deadLetterTopic(topics.probeResults()), String.valueOf(2 * DAY))
                .containsEntry(TopicsConfig.deadLetterTopic(topics.alerts()), String.valueOf(400 * DAY));
        // Compacted state keeps each key's latest record: no time limit is set on it.
        assertThat(retentionEntry(kafka, compacted).source())
                .isNotEqualTo(ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG);
        assertThat(logs.list).noneMatch(event -> event.getLevel() == Level.WARN);
        assertThat(mismatch(topics.alerts())).isZero();
        assertThat(mismatch(TopicsConfig.deadLetterTopic(topics.alerts()))).isZero();
    }

    @Test
    void theDefaultsKeepResultsAndStatsThirtyDaysAlertsAYearAndDeadLettersCanBeSetApart(KafkaCluster kafka)
            throws Exception {
        TopicsConfig topics = uniqueTopics(kafka);
        KafkaConfig config = new KafkaConfig(kafka.bootstrapServers(), topics, 1, 1, Map.of(),
                new RetentionConfig(null, null, null, Duration.ofDays(90)));
        String resultsDeadLetters = TopicsConfig.deadLetterTopic(topics.probeResults());

        ready(config, List.of(topics.probeResults(), topics.stats(), topics.alerts(), resultsDeadLetters), List.of());

        assertThat(retentionMs(kafka, topics.probeResults(), topics.stats(), topics.alerts(), resultsDeadLetters))
                .containsEntry(topics.probeResults(), String.valueOf(30 * DAY))
                .containsEntry(topics.stats(), String.valueOf(30 * DAY))
                .containsEntry(topics.alerts(), String.valueOf(365 * DAY))
                .containsEntry(resultsDeadLetters, String.valueOf(90 * DAY));
    }

    @Test
    void anExistingTopicWithAnotherRetentionIsLeftAloneWarnedAboutAndCounted(KafkaCluster kafka) throws Exception {
        TopicsConfig topics = uniqueTopics(kafka);
        try (Admin admin = kafka.admin()) {
            admin.createTopics(List.of(new NewTopic(topics.alerts(), 1, (short) 1)
                    .configs(Map.of("retention.ms", String.valueOf(7 * DAY))))).all().get(30, TimeUnit.SECONDS);
        }
        KafkaConfig config = new KafkaConfig(kafka.bootstrapServers(), topics, 1, 1, Map.of());

        ready(config, List.of(topics.alerts(), topics.stats()), List.of());

        assertThat(retentionMs(kafka, topics.alerts())).containsEntry(topics.alerts(), String.valueOf(7 * DAY));
        assertThat(logs.list).filteredOn(event -> event.getLevel() == Level.WARN).singleElement()
                .extracting(ILoggingEvent::getFormattedMessage).isEqualTo("Topic " + topics.alerts()
                        + " keeps records for 7d (retention.ms=604800000), but kafka.retention.alerts is 365d "
                        + "(retention.ms=31536000000); the topic is left as it is. To apply the configured retention: "
                        + "kafka-configs.sh --alter --entity-type topics --entity-name " + topics.alerts()
                        + " --add-config retention.ms=31536000000");
        assertThat(mismatch(topics.alerts())).isEqualTo(1);
        assertThat(mismatch(topics.stats())).isZero();
        assertThat(registry.scrape()).contains("llm_topic_retention_mismatch{service=\"test-service\",topic=\""
                + topics.alerts() + "\"}");
    }

    @Test
    void anExistingTopicThatAgreesIsNotWarnedAbout(KafkaCluster kafka) throws Exception {
        TopicsConfig topics = uniqueTopics(kafka);
        KafkaConfig config = new KafkaConfig(kafka.bootstrapServers(), topics, 1, 1, Map.of());
        ready(config, List.of(topics.probeResults()), List.of(), new SimpleMeterRegistry());

        ready(config, List.of(topics.probeResults()), List.of());

        assertThat(logs.list).noneMatch(event -> event.getLevel() == Level.WARN);
        assertThat(mismatch(topics.probeResults())).isZero();
    }

    private void ready(KafkaConfig config, List<String> topics, List<String> compacted) {
        ready(config, topics, compacted, registry);
    }

    private static void ready(KafkaConfig config, List<String> topics, List<String> compacted,
            MeterRegistry registry) {
        try (TopicReadiness readiness = TopicReadiness.start(config, topics, compacted, Duration.ofMillis(100),
                registry, () -> { })) {
            await().atMost(Duration.ofSeconds(30)).until(readiness::ready);
        }
    }

    private double mismatch(String topic) {
        return registry.get("llm.topic.retention.mismatch").tag("topic", topic).gauge().value();
    }

    private static TopicsConfig uniqueTopics(KafkaCluster kafka) {
        return new TopicsConfig(kafka.uniqueName("llm.probe.results"), kafka.uniqueName("llm.probe.stats"),
                kafka.uniqueName("llm.alerts"));
    }

    private static ConfigEntry retentionEntry(KafkaCluster kafka, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        try (Admin admin = kafka.admin()) {
            return admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource)
                    .get("retention.ms");
        }
    }

    private static Map<String, String> retentionMs(KafkaCluster kafka, String... topics) throws Exception {
        Map<String, String> retention = new HashMap<>();
        for (String topic : topics) {
            retention.put(topic, retentionEntry(kafka, topic).value());
        }
        return retention;
    }
}
