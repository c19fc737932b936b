package dev.llmuptime.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmuptime.config.AlertsConfig;
import dev.llmuptime.config.ConfigLoader;
import dev.llmuptime.config.MonitorConfig;
import dev.llmuptime.config.RuleConfig;
import dev.llmuptime.config.TargetConfig;
import dev.llmuptime.config.TopicsConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every configuration the benchmarks start a service with, written and read back as the service reads it. */
class ServiceConfigsTest {

    private static final URI SIM = URI.create("http://127.0.0.1:18090/v1");

    private final RunConfigYaml yaml = new RunConfigYaml();
    private final ConfigLoader loader = new ConfigLoader(name -> null);

    @Test
    void probeProducerConfigReadsBackAsBuilt() {
        MonitorConfig config = ServiceConfigs.probeProducer(50, Duration.ofMillis(500), "localhost:19092", "results", SIM,
                18081);

        assertThat(readBack(config)).isEqualTo(config);
        assertThat(config.probes().targets()).hasSize(50);
        assertThat(config.probes().targets().get(49).timeout()).as("never longer than the interval")
                .isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void aggregatorConfigKeepsItsClientSettingsAndLeavesTheOtherSectionsOut() {
        MonitorConfig config = ServiceConfigs.aggregator("localhost:19093", "bench.agg.results.1", "bench.agg.stats.1",
                "bench-agg-1", Path.of("/tmp/work/state-1"));
        String text = yaml.serviceConfig(config);

        assertThat(loader.parse(text, "aggregator.yaml")).isEqualTo(config);
        assertThat(config.kafka().client()).containsEntry("application.id", "bench-agg-1")
                .containsEntry("state.dir", "/tmp/work/state-1");
        assertThat(config.aggregation().windows()).containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(5),
                Duration.ofHours(1));
        assertThat(text).contains("kafka:", "aggregation:", "windows:", "grace: 10s", "http-port: 0")
                .doesNotContain("\nprobes:", "\nalerts:");
    }

    @Test
    void peersConfigsReadBackWithTheirRules() {
        TopicsConfig topics = new TopicsConfig("bench.peers.results", "bench.peers.stats", "bench.alerts.fast");
        MonitorConfig fast = ServiceConfigs.peers("localhost:9092", topics, SIM, PeersBench.models(2), 0,
                ServiceConfigs.alerts(18082, URI.create("http://127.0.0.1:9000/ours-fast"), ServiceConfigs.FAST_RULES));
        MonitorConfig standard = ServiceConfigs.peers("localhost:9092", topics, SIM, PeersBench.models(2), 0,
                ServiceConfigs.alerts(18083, URI.create("http://127.0.0.1:9000/ours-default"), null));
        MonitorConfig probes = ServiceConfigs.peers("localhost:9092", topics, SIM, PeersBench.models(2), 18080, null);

        assertThat(readBack(fast)).isEqualTo(fast);
        assertThat(readBack(standard)).isEqualTo(standard);
        assertThat(readBack(probes)).isEqualTo(probes);
        assertThat(fast.alerts().rules()).extracting(RuleConfig::name).containsExactly("down", "slow");
        assertThat(standard.alerts().rules()).isEqualTo(AlertsConfig.DEFAULT_RULES);
        assertThat(probes.probes().targets()).as("six models and one per trial slowed").hasSize(8).allSatisfy(target -> {
            assertThat(target.id()).isEqualTo(target.model());
            assertThat(target.interval()).isEqualTo(Duration.ofSeconds(5));
        });
    }

    @Test
    void theOtherRegionProbesTheSameTargetsAndSendsOneModelElsewhere() {
        TopicsConfig topics = new TopicsConfig("bench.peers.results", "bench.peers.stats", "bench.alerts.default");
        URI closed = URI.create("http://127.0.0.1:1/v1");
        MonitorConfig far = ServiceConfigs.otherRegion("localhost:9092", topics, "far", SIM, PeersBench.models(2),
                "m-region", closed);
        MonitorConfig near = ServiceConfigs.peers("localhost:9092", topics, SIM, PeersBench.models(2), 0, null);

        assertThat(readBack(far)).isEqualTo(far);
        assertThat(far.probes().region()).isEqualTo("far").isNotEqualTo(near.probes().region());
        assertThat(far.probes().targets()).extracting(TargetConfig::id)
                .containsExactlyElementsOf(near.probes().targets().stream().map(TargetConfig::id).toList());
        assertThat(far.probes().targets()).allSatisfy(target -> assertThat(target.baseUrl())
                .isEqualTo(target.id().equals("m-region") ? closed : SIM));
    }

    private MonitorConfig readBack(MonitorConfig config) {
        return loader.parse(yaml.serviceConfig(config), "run.yaml");
    }
}
