package dev.llmuptime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code kafka.retention}: how long each topic the services create keeps its records. */
class RetentionConfigTest {

    @Test
    void anOlderFileKeepsResultsAndStatsThirtyDaysAndAlertsAYear() {
        KafkaConfig kafka = load("kafka: {partitions: 3}").kafka();

        assertThat(kafka.retentionOf("llm.probe.results")).contains(retention("probe-results", Duration.ofDays(30)));
        assertThat(kafka.retentionOf("llm.probe.stats")).contains(retention("stats", Duration.ofDays(30)));
        assertThat(kafka.retentionOf("llm.alerts")).contains(retention("alerts", Duration.ofDays(365)));
        assertThat(KafkaConfig.DEFAULT.retention()).isEqualTo(RetentionConfig.DEFAULT);
    }

    @Test
    void eachTopicTakesItsOwnRetentionUnderItsConfiguredName() {
        KafkaConfig kafka = load("""
                kafka:
                  topics: {alerts: audit.alerts}
                  retention: {probe-results: 7d, stats: 90d, alerts: 3650d}
                """).kafka();

        assertThat(kafka.retentionOf("llm.probe.results")).contains(retention("probe-results", Duration.ofDays(7)));
        assertThat(kafka.retentionOf("llm.probe.stats")).contains(retention("stats", Duration.ofDays(90)));
        assertThat(kafka.retentionOf("audit.alerts")).contains(retention("alerts", Duration.ofDays(3650)));
        assertThat(kafka.retentionOf("llm.alerts")).isEmpty();
    }

    @Test
    void deadLettersAreKeptAsLongAsTheirSourceTopicUnlessSetApart() {
        KafkaConfig asSource = load("kafka: {retention: {alerts: 400d}}").kafka();
        KafkaConfig apart = load("kafka: {retention: {dead-letters: 14d}}").kafka();

        assertThat(asSource.retentionOf("llm.alerts.dlq")).contains(retention("alerts", Duration.ofDays(400)));
        assertThat(asSource.retentionOf("llm.probe.results.dlq"))
                .contains(retention("probe-results", Duration.ofDays(30)));
        assertThat(apart.retentionOf("llm.alerts.dlq")).contains(retention("dead-letters", Duration.ofDays(14)));
        assertThat(apart.retentionOf("llm.probe.stats.dlq")).contains(retention("dead-letters", Duration.ofDays(14)));
    }

    @Test
    void compactedAndOtherTopicsKeepWhatTheBrokerOrCompactionDecides() {
        KafkaConfig kafka = KafkaConfig.DEFAULT;

        assertThat(kafka.retentionOf("llm.alerts.state")).isEmpty();
        assertThat(kafka.retentionOf("llm.alerts.acks")).isEmpty();
        assertThat(kafka.retentionOf("llm.alerts.silences")).isEmpty();
        assertThat(kafka.retentionOf("llm.probe.assignments")).isEmpty();
        assertThat(kafka.retentionOf("other.dlq")).isEmpty();
    }

    @Test
    void withBootstrapServersKeepsTheRetention() {
        KafkaConfig kafka = load("kafka: {retention: {stats: 2d}}").kafka().withBootstrapServers("127.0.0.1:1234");

        assertThat(kafka.bootstrapServers()).isEqualTo("127.0.0.1:1234");
        assertThat(kafka.retentionOf("llm.probe.stats")).contains(retention("stats", Duration.ofDays(2)));
    }

    @Test
    void aZeroRetentionIsOneLineNamingTheKey() {
        assertError("kafka:\n  retention:\n    alerts: 0d\n",
                "monitor.yaml:3: kafka.retention.alerts must be longer than 0");
        assertError("kafka:\n  retention:\n    dead-letters: 0s\n",
                "monitor.yaml:3: kafka.retention.dead-letters must be longer than 0");
    }

    @Test
    void aRetentionThatIsNoDurationIsOneLineNamingTheKey() {
        assertError("kafka:\n  retention:\n    stats: 30 days\n", "monitor.yaml:3: kafka.retention.stats: '30 days' "
                + "is not a duration (expected a whole number and a unit: 500ms, 5s, 1m, 1h, 1d)");
    }

    @Test
    void anUnknownRetentionKeySuggestsTheNearestOne() {
        assertError("kafka:\n  retention:\n    probe-result: 7d\n", "monitor.yaml:3: unknown key 'probe-result' in "
                + "kafka.retention (did you mean 'probe-results'?)");
    }

    private static TopicRetention retention(String key, Duration duration) {
        return new TopicRetention("kafka.retention." + key, duration);
    }

    private static MonitorConfig load(String yaml) {
        return new ConfigLoader(name -> null).parse(yaml, "monitor.yaml");
    }

    private static void assertError(String yaml, String expected) {
        assertThatThrownBy(() -> load(yaml)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(expected).hasMessageNotContaining("\n");
    }
}
