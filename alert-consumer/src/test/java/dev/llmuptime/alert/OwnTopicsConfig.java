package dev.llmuptime.alert;

import dev.llmuptime.config.ConfigLoader;
import dev.llmuptime.config.MonitorConfig;
import dev.llmuptime.testkit.KafkaCluster;

/** An alert consumer's configuration for one test: topics of its own with one partition, its HTTP on a free port. */
final class OwnTopicsConfig {

    private OwnTopicsConfig() {
    }

    /** {@code alerts}: the YAML lines under {@code alerts}, each indented by two spaces, after its http-port. */
    static MonitorConfig of(KafkaCluster kafka, String alerts) {
        String base = kafka.uniqueName("llm");
        return new ConfigLoader(name -> null).parse("""
                kafka:
                  bootstrap-servers: %s
                  topics: {probe-results: %s.results, stats: %s.stats, alerts: %s.alerts}
                  partitions: 1
                alerts:
                  http-port: 0
                %s""".formatted(kafka.bootstrapServers(), base, base, base, alerts), "test.yaml");
    }
}
