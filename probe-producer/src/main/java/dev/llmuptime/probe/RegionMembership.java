package dev.llmuptime.probe;

import dev.llmuptime.config.Durations;
import dev.llmuptime.config.KafkaConfig;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * This prober's share of its region's targets, from Kafka group membership. The probers of one
 * region form one consumer group on the assignment topic and each probes the targets of the
 * partitions it is assigned (see {@link TargetPartitions}); probers of other regions are other
 * groups, so each of them probes every target. A dedicated thread polls to stay in the group; it
 * never reads a record, since the partitions are paused.
 *
 * <p>A revoked target stops being probed at once, and the revocation returns, letting the group
 * give the target to another prober, only once this prober's probe of it has ended.
 */
final class RegionMembership implements AutoCloseable {

    static final String GROUP_PREFIX = "llm-uptime.probers.";

    private static final Logger log = LoggerFactory.getLogger(RegionMembership.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final Map<String, Object> properties;
    private final String topic;
    private final TargetPartitions partitions;
    private final String region;
    private final Handover handover;
    private final Set<Integer> ownedPartitions = ConcurrentHashMap.newKeySet();
    private final Sinks.Many<Set<String>> owned = Sinks.many().replay().latest();
    private volatile Set<String> current = Set.of();
    private volatile boolean assigned;
    private volatile RuntimeException failure;
    private volatile boolean closed;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private Thread poller;

    RegionMembership(KafkaConfig kafka, String region, String proberId, String topic, TargetPartitions partitions,
            Handover handover) {
        this.properties = consumerProperties(kafka, region, proberId);
        this.handover = handover;
        this.topic = topic;
        this.partitions = partitions;
        this.region = region;
    }

    /** Joins the region's group on a thread of its own; call once the assignment topic exists. */
    synchronized void start() {
        if (closed || poller != null) {
            return;
        }
        poller = new Thread(this::pollUntilClosed, "region-membership");
        poller.setDaemon(true);
        poller.start();
    }

    /** The ids of the targets this prober owns: the latest set at once, then every change. */
    Flux<Set<String>> owned() {
        return owned.asFlux();
    }

    /** True once the group has given this prober an assignment, even an empty one. */
    boolean assigned() {
        return assigned;
    }

    /** Why this prober is out of its region's group for good, or null while it is in or joining. */
    RuntimeException failure() {
        return failure;
    }

    int ownedCount() {
        return current.size();
    }

    String region() {
        return region;
    }

    String group() {
        return GROUP_PREFIX + region;
    }

    /** Leaves the group, so the other probers of the region take these targets over at once. */
    @Override
    public void close() throws InterruptedException {
        Thread running;
        synchronized (this) {
            closed = true;
            running = poller;
        }
        KafkaConsumer<byte[], byte[]> client = consumer;
        if (client != null) {
            client.wakeup();
        }
        if (running != null) {
            // Leaving waits for the probes in flight, then for the consumer's own close (30 s at most).
            running.join(handover.patience().plusSeconds(35).toMillis());
        }
    }

    private void pollUntilClosed() {
        try (KafkaConsumer<byte[], byte[]> client = new KafkaConsumer<>(properties, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer = client;
            client.subscribe(List.of(topic), new Listener(client));
            while (!closed) {
                client.poll(POLL);
            }
        } catch (WakeupException e) {
            // close() woke the poll; closing the consumer above leaves the group.
        } catch (RuntimeException e) {
            failure = e;
            log.error("Prober left the group {} after an error: {}", group(), e.toString());
        } finally {
            ownedPartitions.clear();
            publish();
        }
    }

    private void publish() {
        current = partitions.targets(ownedPartitions);
        owned.tryEmitNext(current);
    }

    /** Runs on the polling thread, inside poll() and close(). */
    private final class Listener implements ConsumerRebalanceListener {

        private final KafkaConsumer<byte[], byte[]> client;

        Listener(KafkaConsumer<byte[], byte[]> client) {
            this.client = client;
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> added) {
            client.pause(added);
            added.forEach(partition -> ownedPartitions.add(partition.partition()));
            handover.taken(targets(added));
            assigned = true;
            publish();
            log.info("Prober owns {} of {} targets in region {}", current.size(), partitions.count(), region);
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
            release(revoked);
            Set<String> leaving = targets(revoked);
            try {
                if (!handover.giveUp(leaving)) {
                    log.warn("A probe of {} still ran {} after it was revoked; handing it over anyway", leaving,
                            Durations.format(handover.patience()));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** Lost, not revoked: the group has already given these targets to others, so there is nothing to wait for. */
        @Override
        public void onPartitionsLost(Collection<TopicPartition> lost) {
            release(lost);
        }

        private void release(Collection<TopicPartition> gone) {
            gone.forEach(partition -> ownedPartitions.remove(partition.partition()));
            publish();
        }
    }

    private Set<String> targets(Collection<TopicPartition> assigned) {
        return partitions.targets(assigned.stream().map(TopicPartition::partition).toList());
    }

    private static Map<String, Object> consumerProperties(KafkaConfig kafka, String region, String proberId) {
        Map<String, Object> properties = new HashMap<>(kafka.clientProperties());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP_PREFIX + region);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "probe-producer-membership-" + proberId);
        // Classic protocol: its session timeout is set by the client, so the broker's minimum (6 s
        // by default) bounds failover after a crash; the new protocol's comes from the broker (45 s).
        properties.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "classic");
        // Cooperative: a rebalance moves only the targets that change owner; the others keep probing.
        properties.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        properties.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 6_000);
        // Survivors learn of a rebalance on their next heartbeat: a clean leave moves targets within ~1 s.
        properties.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 1_000);
        // No group.instance.id: a static member sends no leave on close, so a clean stop would wait
        // a whole session timeout before its targets moved.
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        return properties;
    }
}
