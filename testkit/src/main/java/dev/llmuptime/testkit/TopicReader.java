package dev.llmuptime.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.Deserializer;

/** Reads what services wrote to a topic, from its beginning, as a fresh consumer group. */
public final class TopicReader {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration LAST_POLL = Duration.ofMillis(500);

    private TopicReader() {
    }

    /**
     * Every committed record of {@code topic}, polling until {@code n} arrived or {@code within}
     * passed; callers assert on the count, so a shortfall fails with the records that did arrive.
     */
    public static <K, V> List<ConsumerRecord<K, V>> readUntil(String bootstrapServers, String topic,
            Deserializer<K> keys, Deserializer<V> values, int n, Duration within) {
        List<ConsumerRecord<K, V>> records = new ArrayList<>();
        try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrapServers,
                "group.id", topic + "-reader-" + UUID.randomUUID(), "auto.offset.reset", "earliest",
                "isolation.level", "read_committed"), keys, values)) {
            consumer.subscribe(Set.of(topic));
            long deadline = System.nanoTime() + within.toNanos();
            while (records.size() < n && System.nanoTime() < deadline) {
                consumer.poll(POLL).forEach(records::add);
            }
            // One more poll, so that records beyond the n expected (duplicates) are seen too.
            consumer.poll(LAST_POLL).forEach(records::add);
        }
        return records;
    }

    /** How many records a topic that is not written in transactions holds: the sum of its end offsets. */
    public static long recordCount(String bootstrapServers, String topic) throws ExecutionException,
            InterruptedException {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            Map<TopicPartition, OffsetSpec> ends = admin.describeTopics(List.of(topic)).allTopicNames().get()
                    .get(topic).partitions().stream().collect(Collectors.toMap(
                            info -> new TopicPartition(topic, info.partition()), info -> OffsetSpec.latest()));
            return admin.listOffsets(ends).all().get().values().stream().mapToLong(ListOffsetsResultInfo::offset).sum();
        }
    }

    /** The last value of a header as UTF-8 text; null if the record has no such header. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
