package dev.llmuptime.alert;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * The rules' state and the episodes' notifications in their compacted topic ({@code <alerts>.state}):
 * written with every transaction that changes them, to the partition number of the target's stats
 * partition, and read back per partition when this instance is assigned the stats partition of the
 * same number, so neither a restart nor a move to another instance repeats or forgets a FIRING or a
 * reminder.
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

    /** How many partitions the topic has. */
    int partitions(Consumer<String, byte[]> reader) {
        return reader.partitionsFor(topic).size();
    }

    /**
     * Reads these partitions of the topic to their end into {@code engine} and {@code notifier}; returns
     * how many alert states it restored.
     */
    int restore(Consumer<String, byte[]> reader, Collection<Integer> numbers, RuleEngine engine, Notifier notifier) {
        List<TopicPartition> partitions = numbers.stream().map(number -> new TopicPartition(topic, number)).toList();
        reader.assign(partitions);
        reader.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = reader.endOffsets(partitions);
        int restored = 0;
        while (partitions.stream().anyMatch(partition -> reader.position(partition) < end.get(partition))) {
            for (ConsumerRecord<String, byte[]> record : reader.poll(Duration.ofMillis(200))) {
                restored += restore(record, engine, notifier);
            }
        }
        reader.unsubscribe();
        engine.drainChangedStates();
        notifier.drainChanged();
        return restored;
    }

    /** Forgets what it persisted of the targets {@code gone} accepts. */
    void forget(Predicate<String> gone) {
        seenPersisted.keySet().removeIf(gone);
    }

    /** The records that persist what changed in {@code engine} and {@code notifier} since the last call. */
    List<ProducerRecord<String, byte[]>> changes(RuleEngine engine, Notifier notifier, TargetPartitioner partitioner) {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        engine.drainChangedStates().forEach((key, state) -> records.add(new ProducerRecord<>(topic,
                partitioner.partitionOf(key.targetId()), new StateKey.Alert(key).encode(),
                state == null ? null : codec.encode(state))));
        engine.drainChangedSeen().forEach((target, at) -> {
            if (at == null) {
                seenPersisted.remove(target);
                records.add(new ProducerRecord<>(topic, partitioner.partitionOf(target),
                        new StateKey.Seen(target).encode(), null));
            } else if (at - seenPersisted.getOrDefault(target, 0L) >= SEEN_PERSIST_EVERY_MS) {
                seenPersisted.put(target, at);
                records.add(new ProducerRecord<>(topic, partitioner.partitionOf(target),
                        new StateKey.Seen(target).encode(), codec.encodeSeen(at)));
            }
        });
        notifier.drainChanged().forEach(change -> records.add(new ProducerRecord<>(topic,
                partitioner.partitionOf(change.targetId()), new StateKey.EpisodeOf(change.alertId()).encode(),
                change.episode() == null ? null : codec.encode(change.episode()))));
        return records;
    }

    /** Applies one record to {@code engine} or {@code notifier}; returns 1 if it restored an alert state. */
    private int restore(ConsumerRecord<String, byte[]> record, RuleEngine engine, Notifier notifier) {
        StateKey key = StateKey.parse(record.key()).orElse(null);
        if (key instanceof StateKey.Alert alert) {
            engine.restore(alert.ruleTarget(), record.value() == null ? null : codec.decodeAlert(record.value()));
            return record.value() == null ? 0 : 1;
        }
        if (key instanceof StateKey.Seen seen) {
            engine.restoreSeen(seen.targetId(), record.value() == null ? null : codec.decodeSeen(record.value()));
        }
        if (key instanceof StateKey.EpisodeOf episode) {
            notifier.restore(episode.alertId(), record.value() == null ? null : codec.decodeEpisode(record.value()));
        }
        return 0;
    }
}
