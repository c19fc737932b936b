package dev.llmuptime.alert;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the engine to the stats partitions this instance owns in the evaluator group: restores their
 * state from the state topic when they are assigned, and forgets it when they are revoked (between
 * two transactions, so everything decided for them is committed) or lost (nothing more of them is
 * committed). Every (rule, target) is thus decided by the one owner of the target's partition. The
 * engine's window history of assigned partitions is rebuilt from the stats topic ({@link StatsReplay}).
 */
final class OwnedPartitions implements ConsumerRebalanceListener {

    private static final Logger log = LoggerFactory.getLogger(OwnedPartitions.class);

    private final Consumer<String, byte[]> stats;
    private final String statsTopic;
    private final Consumer<String, byte[]> reader;
    private final StateTopic state;
    private final RuleEngine engine;
    private final Notifier notifier;
    private final Clock clock;
    private final StatsReplay replay = new StatsReplay();
    private final Set<Integer> owned = new TreeSet<>();
    private TargetPartitioner partitioner;
    private volatile List<Integer> ownedNow = List.of();
    private volatile boolean assigned;

    OwnedPartitions(Consumer<String, byte[]> stats, String statsTopic, Consumer<String, byte[]> reader, StateTopic state,
            RuleEngine engine, Notifier notifier, Clock clock) {
        this.stats = stats;
        this.statsTopic = statsTopic;
        this.reader = reader;
        this.state = state;
        this.engine = engine;
        this.notifier = notifier;
        this.clock = clock;
    }

    /** Whether the group gave this instance its share yet: from then on no stats record is missed. */
    boolean assigned() {
        return assigned;
    }

    /** The stats partitions this instance owns now, in order. */
    List<Integer> owned() {
        return ownedNow;
    }

    /** Whether this instance decides the alerts on {@code targetId}: it owns the partition of that key. */
    boolean owns(String targetId) {
        return partitioner != null && owned.contains(partitioner.partitionOf(targetId));
    }

    /** Where the state of a target goes: known once partitions are assigned, which precedes every decision. */
    TargetPartitioner partitioner() {
        return partitioner;
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        if (partitioner == null) {
            partitioner = partitionerChecked();
        }
        Set<Integer> numbers = numbers(partitions);
        // Where reading starts first: committed offsets wait for the previous owner's open transaction to end,
        // so the state read next includes everything up to them.
        FirstRead.seekUncommitted(stats, partitions, clock.millis());
        Map<TopicPartition, Long> positions = new HashMap<>();
        partitions.forEach(partition -> positions.put(partition, stats.position(partition)));
        int restored = state.restore(reader, numbers, engine, notifier);
        int replayed = replay.replay(reader, positions, clock.millis(), engine);
        owned.addAll(numbers);
        ownedNow = List.copyOf(owned);
        assigned = true;
        if (!numbers.isEmpty()) {
            log.info("Assigned stats partitions {}, restored {} active alert states and {} stats records of history; "
                    + "owns {}", numbers, restored, replayed, owned);
        }
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        forget(partitions, "revoked");
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
        forget(partitions, "lost");
    }

    private void forget(Collection<TopicPartition> partitions, String how) {
        Set<Integer> numbers = numbers(partitions);
        if (numbers.isEmpty() || partitioner == null) {
            return;
        }
        Predicate<String> gone = target -> numbers.contains(partitioner.partitionOf(target));
        engine.forget(gone);
        notifier.forget(gone);
        state.forget(gone);
        owned.removeAll(numbers);
        ownedNow = List.copyOf(owned);
        log.info("Stats partitions {} {}; owns {}", numbers, how, owned);
    }

    /** The stats' partitioner, once the state topic is known to have a partition for each stats partition. */
    private TargetPartitioner partitionerChecked() {
        int statsPartitions = stats.partitionsFor(statsTopic).size();
        int statePartitions = state.partitions(reader);
        if (statePartitions < statsPartitions) {
            throw new IllegalStateException(state.name() + " has " + statePartitions + " partitions, fewer than the "
                    + statsPartitions + " of " + statsTopic + ": give it at least as many");
        }
        return new TargetPartitioner(statsPartitions);
    }

    private static Set<Integer> numbers(Collection<TopicPartition> partitions) {
        return partitions.stream().map(TopicPartition::partition).collect(Collectors.toCollection(TreeSet::new));
    }
}
