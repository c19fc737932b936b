package dev.llmuptime.aggregator;

import dev.llmuptime.config.KafkaConfig;
import dev.llmuptime.schema.AlertEvent;
import dev.llmuptime.schema.AlertEventSerde;
import dev.llmuptime.schema.RecordDecodingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the whole alerts topic into {@link RecentAlerts} on a thread of its own, from the beginning
 * and then as alerts come. No consumer group: every aggregator instance keeps the whole table, so
 * any of them answers the status page without asking the others. Alerts are few; a restart reads
 * them again. The topic is the alert consumer's: until it exists, the reader looks for it every
 * two seconds. A record that cannot be decoded is skipped (the alert consumer dead-letters it).
 */
final class AlertsReader implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AlertsReader.class);
    private static final Duration POLL = Duration.ofMillis(500);
    /** How often new partitions of the topic are looked for. */
    private static final Duration REFRESH = Duration.ofSeconds(30);

    private final KafkaConfig kafka;
    private final String topic;
    private final RecentAlerts table;
    private final Clock clock;
    private final Deserializer<AlertEvent> values = new AlertEventSerde().deserializer();
    private final Thread poller;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile boolean closed;

    AlertsReader(KafkaConfig kafka, RecentAlerts table, Clock clock) {
        this.kafka = kafka;
        this.topic = kafka.topics().alerts();
        this.table = table;
        this.clock = clock;
        this.poller = new Thread(this::run, "alerts-reader");
        this.poller.setDaemon(true);
    }

    void start() {
        poller.start();
    }

    private void run() {
        Map<String, Object> properties = kafka.clientProperties();
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        try (KafkaConsumer<String, byte[]> reading = new KafkaConsumer<>(properties, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer = reading;
            long nextRefresh = System.nanoTime();
            while (!closed) {
                if (System.nanoTime() - nextRefresh >= 0) {
                    boolean any = assignNewPartitions(reading);
                    // Until the topic is found, look again soon.
                    nextRefresh = System.nanoTime() + (any ? REFRESH : POLL.multipliedBy(4)).toNanos();
                }
                if (reading.assignment().isEmpty()) {
                    // A consumer with nothing assigned refuses to poll: wait for the topic instead.
                    Thread.sleep(POLL.toMillis());
                    continue;
                }
                for (ConsumerRecord<String, byte[]> record : reading.poll(POLL)) {
                    apply(record);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (WakeupException e) {
            // closed
        } catch (KafkaException | IllegalStateException e) {
            if (!closed) {
                log.error("Reading {} failed; the status page shows no new incidents until a restart", topic, e);
            }
        }
    }

    /** Adds partitions not read yet, from their beginning; true when any partition is assigned. */
    private boolean assignNewPartitions(KafkaConsumer<String, byte[]> reading) {
        List<PartitionInfo> partitions;
        try {
            partitions = reading.partitionsFor(topic);
        } catch (TimeoutException e) {
            return !reading.assignment().isEmpty();
        }
        Set<TopicPartition> assigned = new HashSet<>(reading.assignment());
        Set<TopicPartition> added = new HashSet<>();
        for (PartitionInfo partition : partitions == null ? List.<PartitionInfo>of() : partitions) {
            TopicPartition topicPartition = new TopicPartition(partition.topic(), partition.partition());
            if (assigned.add(topicPartition)) {
                added.add(topicPartition);
            }
        }
        if (!added.isEmpty()) {
            reading.assign(assigned);
            reading.seekToBeginning(added);
        }
        return !assigned.isEmpty();
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        try {
            AlertEvent event = values.deserialize(record.topic(), record.value());
            if (event != null) {
                table.apply(event, AlertNotice.read(record.headers()), Instant.ofEpochMilli(record.timestamp()),
                        clock.instant());
            }
        } catch (RecordDecodingException e) {
            log.warn("Skipping an undecodable alert at {}-{}@{}: {}", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
        }
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        KafkaConsumer<String, byte[]> reading = consumer;
        if (reading != null) {
            reading.wakeup();
        }
        poller.interrupt();
        poller.join(Duration.ofSeconds(10).toMillis());
    }
}
