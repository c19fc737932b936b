package dev.llmuptime.bench;

import dev.llmuptime.schema.ProbeResult;
import dev.llmuptime.schema.ProbeResultSerde;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Every probe result on a results topic, from the beginning to its end offsets when called. */
final class ResultsTopic {

    private ResultsTopic() {
    }

    static List<ProbeResult> readAll(String bootstrap, String topic) {
        List<ProbeResult> results = new ArrayList<>();
        try (KafkaConsumer<String, ProbeResult> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap,
                "group.id", "bench-report-" + System.nanoTime(), "auto.offset.reset", "earliest",
                "max.poll.records", 5000), new StringDeserializer(), new ProbeResultSerde().deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, ProbeResult> record : consumer.poll(Duration.ofMillis(500))) {
                    results.add(record.value());
                }
            }
        }
        return results;
    }
}
