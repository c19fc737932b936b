package dev.llmuptime.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmuptime.schema.AlertEvent;
import dev.llmuptime.schema.AlertEventSerde;
import dev.llmuptime.schema.AlertStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.DockerClientFactory;

@ExtendWith(SharedKafka.class)
class SharedKafkaTest {

    @Test
    void choosesTheBrokerKindFromWhetherDockerRuns(KafkaCluster kafka) {
        String expected = DockerClientFactory.instance().isDockerAvailable() ? "testcontainers" : "embedded";
        assertThat(kafka.kind()).isEqualTo(expected);
    }

    @Test
    void everyTestSharesOneBroker(KafkaCluster first, KafkaCluster second) {
        assertThat(first).isSameAs(second);
    }

    @Test
    void topicsAreUniquePerTest(KafkaCluster kafka) throws Exception {
        String a = kafka.newTopic("llm.alerts", 1);
        String b = kafka.newTopic("llm.alerts", 3);

        assertThat(a).isNotEqualTo(b);
        try (var admin = kafka.admin()) {
            assertThat(admin.listTopics().names().get()).contains(a, b);
            assertThat(admin.describeTopics(List.of(b)).allTopicNames().get().get(b).partitions()).hasSize(3);
        }
    }

    @Test
    void carriesAvroRecords(KafkaCluster kafka) throws Exception {
        String topic = kafka.newTopic("llm.alerts", 1);
        AlertEvent event = AlertEvent.newBuilder()
                .setAlertId("down:sim:1").setRule("down").setSeverity("critical").setStatus(AlertStatus.FIRING)
                .setTargetId("sim").setMetric("consecutive-failures").setValue(2.0).setThreshold(2.0)
                .setStartsAt(Instant.now()).setSummary("sim is down").setEmittedAt(Instant.now()).build();
        try (KafkaProducer<String, AlertEvent> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", kafka.bootstrapServers()), new StringSerializer(),
                new AlertEventSerde().serializer())) {
            producer.send(new ProducerRecord<>(topic, "sim", event)).get();
        }

        List<ConsumerRecord<String, AlertEvent>> received = TopicReader.readUntil(kafka.bootstrapServers(), topic,
                new StringDeserializer(), new AlertEventSerde().deserializer(), 1, Duration.ofSeconds(30));
        assertThat(received).extracting(ConsumerRecord::value).containsExactly(event);
    }
}
