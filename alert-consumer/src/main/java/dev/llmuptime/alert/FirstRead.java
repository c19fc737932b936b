package dev.llmuptime.alert;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;

/**
 * Where the evaluator first reads a stats partition that no instance committed yet: its last two
 * minutes. Not its end, which would skip the stats written while the group is still forming (a
 * first assignment can come before the topic's metadata, leaving the partition to a later one);
 * not its beginning, which would replay history as alerts.
 */
final class FirstRead {

    static final Duration LOOKBACK = Duration.ofMinutes(2);

    private FirstRead() {
    }

    /** Seeks each of {@code partitions} without a committed offset to the first record of the lookback. */
    static void seekUncommitted(Consumer<?, ?> consumer, Collection<TopicPartition> partitions, long now) {
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions));
        Map<TopicPartition, Long> since = new HashMap<>();
        for (TopicPartition partition : partitions) {
            if (committed.get(partition) == null) {
                since.put(partition, now - LOOKBACK.toMillis());
            }
        }
        if (since.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(since);
        Map<TopicPartition, Long> ends = consumer.endOffsets(since.keySet());
        for (TopicPartition partition : since.keySet()) {
            OffsetAndTimestamp first = found.get(partition);
            consumer.seek(partition, first != null ? first.offset() : ends.get(partition));
        }
    }
}
