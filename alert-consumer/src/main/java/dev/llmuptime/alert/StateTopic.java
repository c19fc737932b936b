package dev.llmuptime.alert;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * The rules' state in its compacted topic ({@code <alerts>.state}): read back into a fresh
 * {@link RuleEngine} on start, and written with every transaction that changes it, so a restart
 * neither repeats nor forgets a FIRING.
 */
final class StateTopic {

    /** lastSeen is persisted at most this often per target: enough for no-data after a restart. */
    private static final long SEEN_PERSIST_EVERY_MS = 10_000;

    private final String topic;
    private final StateCodec codec = new StateCodec();
    private final Map<String, Long> seenPersisted = new HashMap<>();

    StateTopic(String topic) {
        this.topic = topic;
    }

    String name() {
        return topic;
    }

    /** Reads the topic to its end into {@code engine}; returns how many alert states it restored. */
    int restore(Consumer<String, byte[]> reader, RuleEngine engine) {
        List<TopicPartition> partitions = reader.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        reader.assign(partitions);
        reader.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = reader.endOffsets(partitions);
        int restored = 0;
        while (partitions.stream().anyMatch(partition -> reader.position(partition) < end.get(partition))) {
            for (ConsumerRecord<String, byte[]> record : reader.poll(Duration.ofMillis(200))) {
                restored += restore(record, engine);
            }
        }
        engine.drainChangedStates();
        return restored;
    }

    /** The records that persist what changed in {@code engine} since the last call. */
    List<ProducerRecord<String, byte[]>> changes(RuleEngine engine) {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        engine.drainChangedStates().forEach((key, state) -> records.add(new ProducerRecord<>(topic,
                new StateKey.Alert(key).encode(), state == null ? null : codec.encode(state))));
        engine.drainChangedSeen().forEach((target, at) -> {
            if (at - seenPersisted.getOrDefault(target, 0L) >= SEEN_PERSIST_EVERY_MS) {
                seenPersisted.put(target, at);
                records.add(new ProducerRecord<>(topic, new StateKey.Seen(target).encode(), codec.encodeSeen(at)));
            }
        });
        return records;
    }

    /** Applies one record to {@code engine}; returns 1 if it restored an alert state. */
    private int restore(ConsumerRecord<String, byte[]> record, RuleEngine engine) {
        StateKey key = StateKey.parse(record.key()).orElse(null);
        if (key instanceof StateKey.Alert alert) {
            engine.restore(alert.ruleTarget(), record.value() == null ? null : codec.decodeAlert(record.value()));
            return record.value() == null ? 0 : 1;
        }
        if (key instanceof StateKey.Seen seen && record.value() != null) {
            engine.restoreSeen(seen.targetId(), codec.decodeSeen(record.value()));
        }
        return 0;
    }
}
