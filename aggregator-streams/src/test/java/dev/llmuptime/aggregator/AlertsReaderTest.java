package dev.llmuptime.aggregator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.llmuptime.config.ConfigLoader;
import dev.llmuptime.config.KafkaConfig;
import dev.llmuptime.schema.AlertEvent;
import dev.llmuptime.schema.AlertEventSerde;
import dev.llmuptime.schema.AlertStatus;
import dev.llmuptime.testkit.KafkaCluster;
import dev.llmuptime.testkit.SharedKafka;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedKafka.class)
class AlertsReaderTest {

    @Test
    void anAlertsTopicCreatedAfterTheReaderStartedIsReadFromItsBeginning(KafkaCluster kafka) throws Exception {
        String topic = kafka.uniqueName("llm.alerts");
        KafkaConfig config = new ConfigLoader(name -> null).parse("""
                kafka:
                  bootstrap-servers: %s
                  topics: {alerts: %s}
                """.formatted(kafka.bootstrapServers(), topic), "test.yaml").kafka();
        RecentAlerts table = new RecentAlerts();
        Instant now = Instant.now();
        try (AlertsReader reader = new AlertsReader(config, table, Clock.systemUTC())) {
            reader.start();
            kafka.createTopics(1, topic);
            AlertEvent firing = RecentAlertsTest.alert("down:a:1", AlertStatus.FIRING, "a", now, null);
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                    kafka.bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
                producer.send(new ProducerRecord<>(topic, "a", new AlertEventSerde().serializer().serialize(topic, firing)))
                        .get();
            }

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(table.recent(Instant.now()))
                    .extracting(AlertEvent::getAlertId).containsExactly("down:a:1"));
        }
    }
}
