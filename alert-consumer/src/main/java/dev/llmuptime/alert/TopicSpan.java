package dev.llmuptime.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads partitions of a topic from their first record stamped at or after a time, up to their first
 * record stamped at or after a later time (or their end as of now), with an assigned consumer: no
 * group, nothing committed, so reading disturbs nobody. Blocking: call it off the event loop.
 */
final class TopicSpan {

    /** How a read ended: every record of the span seen, stopped by the caller, or out of time. */
    enum End { COMPLETE, STOPPED, OUT_OF_TIME }

    private TopicSpan() {
    }

    /**
     * Gives each record of {@code partitions} between {@code from} and {@code until} (null: the end as of
     * now) to {@code each} in offset order per partition, until {@code each} answers false or
     * {@code patience} runs out.
     */
    static End read(KafkaConsumer<String, byte[]> consumer, List<TopicPartition> partitions, Instant from,
            Instant until, Duration patience, Predicate<ConsumerRecord<String, byte[]>> each) {
        consumer.assign(partitions);
        Map<TopicPartition, Long> ends = new HashMap<>(consumer.endOffsets(partitions));
        if (until != null) {
            consumer.offsetsForTimes(at(partitions, until)).forEach((partition, first) -> {
                if (first != null) {
                    ends.merge(partition, first.offset(), Math::min);
                }
            });
        }
        Map<TopicPartition, OffsetAndTimestamp> starts = consumer.offsetsForTimes(at(partitions, from));
        for (TopicPartition partition : partitions) {
            OffsetAndTimestamp start = starts.get(partition);
            long end = ends.get(partition);
            consumer.seek(partition, start == null ? end : Math.min(start.offset(), end));
        }
        long deadline = System.nanoTime() + patience.toNanos();
        while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
            if (System.nanoTime() > deadline) {
                return End.OUT_OF_TIME;
            }
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))
                        && !each.test(record)) {
                    return End.STOPPED;
                }
            }
        }
        return End.COMPLETE;
    }

    private static Map<TopicPartition, Long> at(List<TopicPartition> partitions, Instant time) {
        Map<TopicPartition, Long> times = new HashMap<>();
        partitions.forEach(partition -> times.put(partition, time.toEpochMilli()));
        return times;
    }
}
