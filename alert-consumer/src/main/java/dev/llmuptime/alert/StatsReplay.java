package dev.llmuptime.alert;

import dev.llmuptime.schema.RecordDecodingException;
import dev.llmuptime.schema.WindowStatsSerde;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;

/**
 * Rebuilds the engine's window history of newly assigned stats partitions: reads each one again
 * from the records written {@link RuleEngine#historyLookback()} ago up to where the evaluator
 * starts reading it, as history only, so burn rates and baselines read hours of windows right after
 * a restart or a move instead of starting empty.
 */
final class StatsReplay {

    private final WindowStatsSerde serde = new WindowStatsSerde();

    /** Replays every partition of {@code upTo} before its offset; returns how many stats records it read. */
    int replay(Consumer<String, byte[]> reader, Map<TopicPartition, Long> upTo, long now, RuleEngine engine) {
        long lookback = engine.historyLookback();
        if (lookback == 0 || upTo.isEmpty()) {
            return 0;
        }
        Map<TopicPartition, Long> from = new HashMap<>();
        upTo.keySet().forEach(partition -> from.put(partition, now - lookback));
        reader.assign(upTo.keySet());
        Map<TopicPartition, OffsetAndTimestamp> starts = reader.offsetsForTimes(from);
        upTo.forEach((partition, end) -> {
            OffsetAndTimestamp start = starts.get(partition);
            reader.seek(partition, start == null ? end : Math.min(start.offset(), end));
        });
        int read = 0;
        while (upTo.entrySet().stream().anyMatch(end -> reader.position(end.getKey()) < end.getValue())) {
            for (ConsumerRecord<String, byte[]> record : reader.poll(Duration.ofMillis(200))) {
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                if (record.value() != null && record.offset() < upTo.get(partition)) {
                    read += remember(record, engine);
                }
            }
        }
        reader.unsubscribe();
        return read;
    }

    private int remember(ConsumerRecord<String, byte[]> record, RuleEngine engine) {
        try {
            engine.remember(serde.deserializer().deserialize(record.topic(), record.value()));
            return 1;
        } catch (RecordDecodingException e) {
            // The evaluator dead-lettered it when it first read it.
            return 0;
        }
    }
}
