package dev.llmuptime.aggregator;

import dev.llmuptime.config.ConfigLoader;
import dev.llmuptime.config.MonitorConfig;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;

/** The real topology and its real properties in a TopologyTestDriver, for a configuration given as YAML. */
final class TopologyDrivers {

    /** Windows of 1 and 5 minutes, grace 10 s, default topics. */
    static final String TWO_WINDOWS = """
            kafka:
              bootstrap-servers: localhost:1
            aggregation:
              windows: [1m, 5m]
              grace: 10s
            """;

    private TopologyDrivers() {
    }

    /** A driver with a state directory of its own, whatever {@code yaml} says, so that no running aggregator shares it. */
    static TopologyTestDriver start(String yaml, MeterRegistry registry, Instant wallClock) {
        MonitorConfig config = new ConfigLoader(name -> null).parse(yaml, "test.yaml");
        Properties properties = new Properties();
        properties.putAll(StatsTopology.properties(config, 8080));
        try {
            properties.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("topology-driver").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TopologyTestDriver(StatsTopology.build(config, new AggregatorMetrics(registry)), properties,
                wallClock);
    }
}
