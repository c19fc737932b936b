package dev.llmuptime.alert;

import dev.llmuptime.config.MonitorConfig;
import dev.llmuptime.schema.ProbeResult;
import dev.llmuptime.schema.ProbeResultSerde;
import dev.llmuptime.schema.RecordDecodingException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The probes of one target in a span, read from the probe results topic: only the target's partition,
 * from {@code offsetsForTimes(from)} (a result's timestamp is its start) to the first record stamped
 * {@link #PUBLISH_LAG} after the span, with bounds on what is read. Blocking: call it off the event loop.
 */
final class ProbeResultsReader {

    /** Distinct probes counted at most: about six days of probes every 5 s. */
    static final int MAX_PROBES = 100_000;
    /** Failed probes listed at most; the counts go on past it. */
    static final int LIST_LIMIT = 1_000;
    /** Records of the partition (all its targets) read at most. */
    static final int MAX_RECORDS = 2_000_000;
    /** How late after its start a result may reach the topic and still be found. */
    static final Duration PUBLISH_LAG = Duration.ofMinutes(10);
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final MonitorConfig config;
    private final ProbeResultSerde serde = new ProbeResultSerde();

    ProbeResultsReader(MonitorConfig config) {
        this.config = config;
    }

    EpisodeProbes read(String targetId, Instant from, Instant to) {
        String topic = config.kafka().topics().probeResults();
        ProbeTally tally = new ProbeTally(targetId, from, to, MAX_PROBES, LIST_LIMIT);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(CommittedReader.properties(config),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic);
            if (partitions.isEmpty()) {
                return tally.result("the topic " + topic + " does not exist");
            }
            // Results are keyed by target id: the target's are all in one partition.
            TopicPartition partition = new TopicPartition(topic,
                    new TargetPartitioner(partitions.size()).partitionOf(targetId));
            long[] records = {0};
            TopicSpan.End end = TopicSpan.read(consumer, List.of(partition), from, to.plus(PUBLISH_LAG), PATIENCE,
                    record -> {
                        if (++records[0] > MAX_RECORDS) {
                            return false;
                        }
                        if (!targetId.equals(record.key()) || record.value() == null) {
                            return true;
                        }
                        ProbeResult result = decode(topic, record.value());
                        return result == null || tally.add(result);
                    });
            return tally.result(switch (end) {
                case COMPLETE -> null;
                case OUT_OF_TIME -> "reading took longer than " + PATIENCE.toSeconds() + " s";
                case STOPPED -> tally.full() ? "more than " + MAX_PROBES + " probes"
                        : "more than " + MAX_RECORDS + " records to read";
            });
        }
    }

    /** The result; null for a record that is not one (the aggregator dead-letters it). */
    private ProbeResult decode(String topic, byte[] value) {
        try {
            return serde.deserializer().deserialize(topic, value);
        } catch (RecordDecodingException e) {
            return null;
        }
    }
}
