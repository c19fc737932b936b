package dev.llmuptime.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.llmuptime.config.KafkaConfig;
import dev.llmuptime.embedded.kafka.FreePort;
import dev.llmuptime.testkit.KafkaCluster;
import dev.llmuptime.testkit.SharedKafka;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

@ExtendWith(SharedKafka.class)
class TopicReadinessTest {

    private final PrometheusMeterRegistry registry = Metrics.newRegistry("test-service");
    private final AtomicInteger whenReadyRuns = new AtomicInteger();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final List<Logger> loggers = List.of((Logger) LoggerFactory.getLogger(TopicSetup.class),
            (Logger) LoggerFactory.getLogger(TopicReadiness.class));

    @BeforeEach
    void captureLogs() {
        logs.start();
        loggers.forEach(logger -> logger.addAppender(logs));
    }

    @AfterEach
    void releaseLogs() {
        loggers.forEach(logger -> logger.detachAppender(logs));
    }

    @Test
    void runsWhatWaitedOnceTheTopicsExist(KafkaCluster kafka) throws Exception {
        String topic = kafka.uniqueName("llm.probe.stats");
        String compacted = kafka.uniqueName("llm.alerts.state");
        KafkaConfig config = new KafkaConfig(kafka.bootstrapServers(), null, 2, 1, Map.of());

        try (TopicReadiness readiness = TopicReadiness.start(config, List.of(topic), List.of(compacted),
                Duration.ofMillis(100), registry, whenReadyRuns::incrementAndGet)) {
            await().atMost(Duration.ofSeconds(30)).until(readiness::ready);
        }

        assertThat(whenReadyRuns).hasValue(1);
        assertThat(failures()).isZero();
        try (Admin admin = kafka.admin()) {
            assertThat(admin.describeTopics(List.of(topic, compacted)).allTopicNames().get()).containsOnlyKeys(topic,
                    compacted);
        }
    }

    @Test
    void everyFailedAttemptIsLoggedCountedAndShownWhileNoBrokerAnswers() {
        String bootstrap = "localhost:" + FreePort.pick();
        KafkaConfig nowhere = new KafkaConfig(bootstrap, null, 1, 1, Map.of());

        try (TopicReadiness readiness = TopicReadiness.start(nowhere, List.of("t"), List.of(), Duration.ofMillis(100),
                registry, whenReadyRuns::incrementAndGet)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> failures() >= 1);

            assertThat(readiness.ready()).isFalse();
            assertThat(readiness.whyNotReady()).startsWith("Kafka at " + bootstrap + " not reachable yet (")
                    .contains("cannot create topic t");
        }
        assertThat(whenReadyRuns).hasValue(0);
        assertThat(logs.list).anySatisfy(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage()).startsWith("Kafka at " + bootstrap + " not reachable to create "
                    + "topics [t] (cannot create topic t");
        });
        assertThat(registry.scrape()).contains("llm_topic_setup_failures_total{service=\"test-service\"}");
    }

    @Test
    void aFailureThatEndsTheSetupIsLoggedCountedAndShown() {
        TopicReadiness readiness = new TopicReadiness("kafka:9092", registry)
                .follow(Mono.error(new IllegalStateException("not authorized to create topics")),
                        whenReadyRuns::incrementAndGet);

        assertThat(readiness.ready()).isFalse();
        assertThat(readiness.whyNotReady()).isEqualTo("Kafka topics at kafka:9092 could not be set up: "
                + "java.lang.IllegalStateException: not authorized to create topics");
        assertThat(failures()).isEqualTo(1);
        assertThat(whenReadyRuns).hasValue(0);
        assertThat(logs.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.ERROR);
            assertThat(event.getFormattedMessage()).isEqualTo("Kafka topics at kafka:9092 could not be set up, so the "
                    + "service does not start its work: java.lang.IllegalStateException: not authorized to create topics");
        });
    }

    @Test
    void aRefusedLoginEndsTheSetupAtOnceWithOneLineNamingTheSettings() {
        TopicReadiness readiness = new TopicReadiness("kafka:9093", registry)
                .follow(Mono.error(new IllegalStateException("cannot create topic t",
                        new SaslAuthenticationException("invalid credentials"))), whenReadyRuns::incrementAndGet);

        assertThat(readiness.whyNotReady()).isEqualTo("Kafka topics at kafka:9093 could not be set up: Kafka refused "
                + "the connection: authentication failed (check kafka.client sasl.mechanism and sasl.jaas.config): "
                + "invalid credentials");
        assertThat(logs.list).singleElement().satisfies(event -> assertThat(event.getLevel()).isEqualTo(Level.ERROR));
    }

    @Test
    void aFailureOfWhatWaitedForTheTopicsIsReportedToo() {
        TopicReadiness readiness = new TopicReadiness("kafka:9092", registry).follow(Mono.empty(), () -> {
            throw new IllegalStateException("Kafka Streams already closed");
        });

        assertThat(readiness.ready()).isFalse();
        assertThat(readiness.whyNotReady()).endsWith("could not be set up: java.lang.IllegalStateException: "
                + "Kafka Streams already closed");
        assertThat(failures()).isEqualTo(1);
    }

    private double failures() {
        return registry.counter("llm.topic.setup.failures").count();
    }
}
