package dev.llmuptime.alert;

import dev.llmuptime.config.MonitorConfig;
import dev.llmuptime.schema.AlertEvent;
import dev.llmuptime.schema.AlertEventSerde;
import dev.llmuptime.schema.RecordDecodingException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
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
        return since(since, event -> true);
    }

    /** The records written at or after {@code since} whose event {@code wanted} takes, the oldest first. */
    Page since(Instant since, Predicate<AlertEvent> wanted) {
        String topic = config.kafka().topics().alerts();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(CommittedReader.properties(config),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(partition -> new TopicPartition(topic, partition.partition())).toList();
            List<Entry> entries = new ArrayList<>();
            TopicSpan.End end = TopicSpan.read(consumer, partitions, since, null, PATIENCE, record -> {
                Optional<Entry> entry = read(record).filter(found -> wanted.test(found.event()));
                if (entry.isPresent() && entries.size() >= LIMIT) {
                    return false;
                }
                entry.ifPresent(entries::add);
                return true;
            });
            entries.sort(Comparator.comparing(Entry::at));
            return new Page(entries, end != TopicSpan.End.COMPLETE);
        }
    }

    private Optional<Entry> read(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return Optional.empty();
        }
        try {
            AlertEvent event = serde.deserializer().deserialize(record.topic(), record.value());
            return Optional.of(Entry.of(Instant.ofEpochMilli(record.timestamp()), event, record.headers()));
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

        /** The record written at {@code at} with {@code event} and {@code headers}. */
        static Entry of(Instant at, AlertEvent event, Headers headers) {
            return new Entry(at, event, NoticeHeaders.read(headers), NoticeHeaders.last(headers,
                    NoticeHeaders.ACKNOWLEDGED_BY), NoticeHeaders.last(headers, NoticeHeaders.COMMENT));
        }
    }

    /** The entries found; {@code truncated} when the limit or the patience ran out before the end. */
    record Page(List<Entry> entries, boolean truncated) {
    }
}
