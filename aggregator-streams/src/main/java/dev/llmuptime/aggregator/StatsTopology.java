package dev.llmuptime.aggregator;

import dev.llmuptime.aggregator.StateSerdes.StreakSerde;
import dev.llmuptime.aggregator.StateSerdes.WindowAccumulatorSerde;
import dev.llmuptime.aggregator.WriteBehindStore.Codec;
import dev.llmuptime.aggregator.state.Streak;
import dev.llmuptime.config.AggregationConfig;
import dev.llmuptime.config.MonitorConfig;
import dev.llmuptime.config.TopicsConfig;
import dev.llmuptime.ops.GroupSession;
import dev.llmuptime.schema.ProbeResultSerde;
import dev.llmuptime.schema.WindowStatsSerde;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * The aggregator's Kafka Streams application: {@link #build} makes the topology (which tests feed
 * to TopologyTestDriver), {@link #properties} its configuration. Names of nodes and stores are
 * fixed here, so changelog topics keep their names across releases.
 */
public final class StatsTopology {

    public static final String APPLICATION_ID = "llm-uptime-aggregator";
    static final String SOURCE = "probe-results-source";
    static final String PROCESSOR = "window-stats";
    static final String SINK = "stats-sink";

    private StatsTopology() {
    }

    static Topology build(MonitorConfig config, AggregatorMetrics metrics) {
        TopicsConfig topics = config.kafka().topics();
        List<Duration> windows = config.aggregation().windows();
        Topology topology = new Topology();
        topology.addSource(SOURCE, Serdes.String().deserializer(), new ProbeResultSerde().deserializer(),
                topics.probeResults());
        topology.addProcessor(PROCESSOR, () -> new WindowStatsProcessor(windows, config.aggregation().grace(), metrics),
                SOURCE);
        topology.addStateStore(new WriteBehindStoreBuilder<>(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(
                WindowStatsProcessor.LIVE_STORE), Serdes.String(), new WindowAccumulatorSerde()),
                new Codec<>(OpenWindow::of, OpenWindow::toAccumulator), WindowStatsProcessor.HELD_WINDOWS), PROCESSOR);
        topology.addStateStore(new WriteBehindStoreBuilder<>(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(
                WindowStatsProcessor.STREAK_STORE), Serdes.String(), new StreakSerde()),
                Codec.<Streak>identity(), WindowStatsProcessor.HELD_STREAKS), PROCESSOR);
        for (Duration window : windows) {
            topology.addStateStore(Stores.windowStoreBuilder(Stores.persistentWindowStore(
                    HistoryRetention.storeName(window), HistoryRetention.of(window), window, false),
                    Serdes.String(), new WindowAccumulatorSerde()), PROCESSOR);
        }
        topology.addSink(SINK, topics.stats(), Serdes.String().serializer(), new WindowStatsSerde().serializer(),
                PROCESSOR);
        return topology;
    }

    /** The settings for an instance reachable by the others at {@code advertisedPort} of its advertised host. */
    static Map<String, Object> properties(MonitorConfig config, int advertisedPort) {
        AggregationConfig aggregation = config.aggregation();
        Map<String, Object> properties = new HashMap<>(config.kafka().clientProperties());
        // kafka.client may set Kafka Streams' own settings too, and wins over the aggregation section:
        // application.id, state.dir, num.standby.replicas, application.server, num.stream.threads.
        properties.putIfAbsent(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
        properties.putIfAbsent(StreamsConfig.STATE_DIR_CONFIG, aggregation.stateDir());
        properties.putIfAbsent(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, aggregation.standbyReplicas());
        properties.putIfAbsent(StreamsConfig.APPLICATION_SERVER_CONFIG,
                aggregation.advertisedUrl().getHost() + ":" + advertisedPort);
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        properties.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, config.kafka().replicationFactor());
        // A record that cannot be decoded goes to <topic>.dlq, with headers naming its topic,
        // partition, offset and the error; processing goes on.
        properties.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetterDeserializationHandler.class.getName());
        properties.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        return GroupSession.withTimeout(properties);
    }
}
