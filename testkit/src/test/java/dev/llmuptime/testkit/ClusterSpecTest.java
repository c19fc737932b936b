package dev.llmuptime.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedKafka.class)
class ClusterSpecTest {

    @Test
    void namesATargetsPartitionAsTheProducerPutsIt(KafkaCluster kafka) throws Exception {
        Map<String, String> models = new LinkedHashMap<>();
        IntStream.range(0, 8).forEach(i -> models.put("target-" + i, "sim-small"));
        ClusterSpec spec = new ClusterSpec(kafka.bootstrapServers(), kafka.uniqueName("cluster"), 4,
                "http://127.0.0.1:1/v1", models, Duration.ofSeconds(2), Duration.ofSeconds(15),
                "http://127.0.0.1:1/hook", Map.of());
        kafka.createTopics(spec.partitions(), spec.resultsTopic());

        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                kafka.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            for (String target : spec.targets()) {
                int partition = producer.send(new ProducerRecord<>(spec.resultsTopic(), target, "x")).get().partition();
                assertThat(spec.partitionOf(target)).as(target).isEqualTo(partition);
            }
        }
        assertThat(spec.targets()).containsExactlyElementsOf(models.keySet());
    }
}
