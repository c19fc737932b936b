package dev.llmuptime.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.llmuptime.config.KafkaConfig;
import dev.llmuptime.embedded.kafka.FreePort;
import dev.llmuptime.testkit.KafkaCluster;
import dev.llmuptime.testkit.SharedKafka;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.Disposable;

@ExtendWith(SharedKafka.class)
class TopicSetupTest {

    @Test
    void createsMissingTopicsAndAcceptsExistingOnes(KafkaCluster kafka) throws Exception {
        String existing = kafka.newTopic("llm.alerts", 1);
        String missing = kafka.uniqueName("llm.probe.results");
        KafkaConfig config = new KafkaConfig(kafka.bootstrapServers(), null, 3, 1, Map.of());

        TopicSetup.ensure(config, List.of(existing, missing), Duration.ofMillis(200)).block(Duration.ofSeconds(30));

        try (Admin admin = kafka.admin()) {
            var topics = admin.describeTopics(List.of(existing, missing)).allTopicNames().get();
            assertThat(topics.get(missing).partitions()).hasSize(3);
            assertThat(topics.get(existing).partitions()).hasSize(1);
        }
    }

    @Test
    void growsOnlyTheTopicsItIsToldToGrowAndNeverShrinksThem(KafkaCluster kafka) throws Exception {
        String growing = kafka.newTopic("llm.probe.assignments", 2);
        String larger = kafka.newTopic("llm.probe.assignments", 7);
        String fixed = kafka.newTopic("llm.probe.results", 1);
        KafkaConfig config = new KafkaConfig(kafka.bootstrapServers(), null, 3, 1, Map.of());

        TopicSetup.ensure(config, List.of(new NewTopic(growing, 5, (short) 1), new NewTopic(larger, 5, (short) 1),
                new NewTopic(fixed, 5, (short) 1)), Set.of(growing, larger), Duration.ofMillis(200), failure -> { },
                check -> { })
                .block(Duration.ofSeconds(30));

        try (Admin admin = kafka.admin()) {
            var topics = admin.describeTopics(List.of(growing, larger, fixed)).allTopicNames().get();
            assertThat(topics.get(growing).partitions()).hasSize(5);
            assertThat(topics.get(larger).partitions()).hasSize(7);
            assertThat(topics.get(fixed).partitions()).hasSize(1);
        }
    }

    @Test
    void keepsTryingWhileNoBrokerAnswers() {
        KafkaConfig nowhere = new KafkaConfig("localhost:" + FreePort.pick(), null, 1, 1, Map.of());
        boolean[] done = {false};

        Disposable setup = TopicSetup.ensure(nowhere, List.of("t"), Duration.ofMillis(100))
                .subscribe(null, null, () -> done[0] = true);
        try {
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                    .until(() -> !done[0] && !setup.isDisposed());
        } finally {
            setup.dispose();
        }
    }
}
