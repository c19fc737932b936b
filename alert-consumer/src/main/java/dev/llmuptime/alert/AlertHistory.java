package dev.llmuptime.alert;

import dev.llmuptime.config.MonitorConfig;
import dev.llmuptime.schema.AlertEvent;
import dev.llmuptime.schema.AlertEventSerde;
import dev.llmuptime.schema.RecordDecodingException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The alerts topic since a time, as the audit trail: every transition, reminder, escalation, release,
 * hold and acknowledgement, read from {@code offsetsForTimes(since)} to the end. Blocking: call it off
 * the event loop.
 */
final class AlertHistory {

    /** At most this many records per answer; the page says when more were left out. */
    static final int LIMIT = 10_000;
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final MonitorConfig config;
    private final AlertEventSerde serde = new AlertEventSerde();

    AlertHistory(MonitorConfig config) {
        this.config = config;
    }

    /** The records written at or after {@code since}, the oldest first. */
    Page since(Instant since) {
        String topic = config.kafka().topics().alerts();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(CommittedReader.properties(config),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(partition -> new TopicPartition(topic, partition.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> times = new HashMap<>();
            partitions.forEach(partition -> times.put(partition, since.toEpochMilli()));
            Map<TopicPartition, OffsetAndTimestamp> starts = consumer.offsetsForTimes(times);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            for (TopicPartition partition : partitions) {
                OffsetAndTimestamp start = starts.get(partition);
                consumer.seek(partition, start == null ? ends.get(partition) : start.offset());
            }
            List<Entry> entries = new ArrayList<>();
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            boolean truncated = false;
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                if (entries.size() >= LIMIT || System.nanoTime() > deadline) {
                    truncated = true;
                    break;
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
                        read(record).ifPresent(entries::add);
                    }
                }
            }
            entries.sort(Comparator.comparing(Entry::at));
            return new Page(entries.size() > LIMIT ? List.copyOf(entries.subList(0, LIMIT)) : entries,
                    truncated || entries.size() > LIMIT);
        }
    }

    private Optional<Entry> read(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return Optional.empty();
        }
        try {
            AlertEvent event = serde.deserializer().deserialize(record.topic(), record.value());
            return Optional.of(new Entry(Instant.ofEpochMilli(record.timestamp()), event,
                    NoticeHeaders.read(record.headers()),
                    NoticeHeaders.last(record.headers(), NoticeHeaders.ACKNOWLEDGED_BY),
                    NoticeHeaders.last(record.headers(), NoticeHeaders.COMMENT)));
        } catch (RecordDecodingException e) {
            // The delivery loops dead-letter it; the history has nothing to show of it.
            return Optional.empty();
        }
    }

    /**
     * One record of the alerts topic.
     *
     * @param at             when it was written (the record's timestamp)
     * @param acknowledgedBy on an acknowledgement's record, who took the alert on; null on others
     */
    record Entry(Instant at, AlertEvent event, NoticeHeaders.Read notice, String acknowledgedBy, String comment) {
    }

    /** The entries found; {@code truncated} when the limit or the patience ran out before the end. */
    record Page(List<Entry> entries, boolean truncated) {
    }
}
