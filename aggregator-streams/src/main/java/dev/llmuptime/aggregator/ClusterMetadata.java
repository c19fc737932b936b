package dev.llmuptime.aggregator;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.state.HostInfo;

/** Which aggregator instances there are and which holds a target's state, from Kafka Streams' metadata. */
final class ClusterMetadata {

    private final Supplier<KafkaStreams> streams;
    private final Supplier<HostInfo> self;

    /** {@code streams} and {@code self} (this instance's advertised host) may be known only after creation. */
    ClusterMetadata(Supplier<KafkaStreams> streams, Supplier<HostInfo> self) {
        this.streams = streams;
        this.self = self;
    }

    boolean isSelf(HostInfo host) {
        return host.equals(self.get());
    }

    /** Every instance of the application with its partitions; none before Kafka Streams has started. */
    List<StreamsMetadata> instances() {
        try {
            KafkaStreams running = streams.get();
            return running == null ? List.of() : List.copyOf(running.metadataForAllStreamsClients());
        } catch (StreamsException | IllegalStateException e) {
            return List.of();
        }
    }

    /** The other instance holding the target's active state; empty when it is this one or not known now. */
    Optional<HostInfo> remoteOwner(String targetId) {
        try {
            // Results are keyed by target id, so the target's stores live in that key's partition.
            KafkaStreams running = streams.get();
            if (running == null) {
                return Optional.empty();
            }
            KeyQueryMetadata owner = running.queryMetadataForKey(WindowStatsProcessor.STREAK_STORE, targetId,
                    new StringSerializer());
            if (owner == null || owner.equals(KeyQueryMetadata.NOT_AVAILABLE) || isSelf(owner.activeHost())) {
                return Optional.empty();
            }
            return Optional.of(owner.activeHost());
        } catch (StreamsException | IllegalStateException e) {
            return Optional.empty();
        }
    }
}
