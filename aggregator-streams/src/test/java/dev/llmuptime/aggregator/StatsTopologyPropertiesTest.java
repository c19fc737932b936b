package dev.llmuptime.aggregator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmuptime.config.ConfigLoader;
import dev.llmuptime.config.MonitorConfig;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

/** The aggregation section sets Kafka Streams' scale-out settings; kafka.client still overrides them. */
class StatsTopologyPropertiesTest {

    @Test
    void aggregationSettingsBecomeStreamsSettings() {
        Map<String, Object> properties = StatsTopology.properties(load("""
                aggregation:
                  advertised-url: http://aggregator-2:9090
                  state-dir: /var/lib/aggregator
                  standby-replicas: 2
                """), 9090);

        assertThat(properties).containsEntry(StreamsConfig.APPLICATION_SERVER_CONFIG, "aggregator-2:9090")
                .containsEntry(StreamsConfig.STATE_DIR_CONFIG, "/var/lib/aggregator")
                .containsEntry(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, 2);
    }

    @Test
    void defaultsAdvertiseTheBoundPortOnLocalhost() {
        Map<String, Object> properties = StatsTopology.properties(load("aggregation: {http-port: 0}\n"), 41234);

        assertThat(properties).containsEntry(StreamsConfig.APPLICATION_SERVER_CONFIG, "localhost:41234")
                .containsEntry(StreamsConfig.STATE_DIR_CONFIG, "./.local-data/streams")
                .containsEntry(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, 1);
    }

    @Test
    void kafkaClientSettingsWin() {
        Map<String, Object> properties = StatsTopology.properties(load("""
                kafka:
                  client: {state.dir: /tmp/other, num.standby.replicas: 0}
                aggregation:
                  state-dir: /var/lib/aggregator
                """), 8080);

        assertThat(properties).containsEntry(StreamsConfig.STATE_DIR_CONFIG, "/tmp/other")
                .containsEntry(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, "0");
    }

    private static MonitorConfig load(String yaml) {
        return new ConfigLoader(name -> null).parse(yaml, "test.yaml");
    }
}
