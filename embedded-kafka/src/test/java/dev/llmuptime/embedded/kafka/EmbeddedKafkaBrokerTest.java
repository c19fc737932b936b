package dev.llmuptime.embedded.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmuptime.schema.ProbeResult;
import dev.llmuptime.schema.ProbeResultSerde;
import dev.llmuptime.schema.Outcome;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaBrokerTest {

    @TempDir
    Path dataDir;

    @Test
    void producesAndConsumesAvroRecordsAndKeepsThemAcrossARestart() throws Exception {
        ProbeResult result = ProbeResult.newBuilder()
                .setProbeId("p-1").setTargetId("sim-chat").setProvider("openai-compatible").setModel("sim-small")
                .setCheck("chat").setRegion("local").setProberId("test").setScheduledAt(Instant.now())
                .setStartedAt(Instant.now()).setOutcome(Outcome.SUCCESS).setLatencyMs(42).build();

        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir, 0)) {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic("llm.probe.results", 2, (short) 1))).all().get();
            }
            try (KafkaProducer<String, ProbeResult> producer = new KafkaProducer<>(
                    Map.of("bootstrap.servers", broker.bootstrapServers(), "acks", "all", "enable.idempotence", true),
                    new StringSerializer(), new ProbeResultSerde().serializer())) {
                producer.send(new ProducerRecord<>("llm.probe.results", result.getTargetId(), result)).get();
            }
            assertThat(readAll(broker.bootstrapServers())).containsExactly(result);
        }

        try (EmbeddedKafkaBroker restarted = EmbeddedKafkaBroker.start(dataDir, 0)) {
            assertThat(readAll(restarted.bootstrapServers())).containsExactly(result);
        }
    }

    private static List<ProbeResult> readAll(String bootstrapServers) {
        List<ProbeResult> results = new ArrayList<>();
        try (KafkaConsumer<String, ProbeResult> consumer = new KafkaConsumer<>(
                Map.of("bootstrap.servers", bootstrapServers, "group.id", "reader-" + System.nanoTime(),
                        "auto.offset.reset", "earliest"),
                new StringDeserializer(), new ProbeResultSerde().deserializer())) {
            consumer.subscribe(Set.of("llm.probe.results"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (results.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, ProbeResult> record : consumer.poll(Duration.ofMillis(200))) {
                    results.add(record.value());
                }
            }
        }
        return results;
    }
}
