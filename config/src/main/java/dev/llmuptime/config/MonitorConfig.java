package dev.llmuptime.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The whole configuration file. Every service loads all of it (so a typo anywhere is caught by
 * whichever service starts first) and uses its own sections. Missing sections take defaults.
 */
public record MonitorConfig(
        @JsonProperty("kafka") KafkaConfig kafka,
        @JsonProperty("probes") ProbesConfig probes,
        @JsonProperty("aggregation") AggregationConfig aggregation,
        @JsonProperty("alerts") AlertsConfig alerts,
        @JsonProperty("http") HttpConfig http,
        @JsonProperty("metrics") MetricsConfig metrics) {

    public static final MonitorConfig DEFAULT = new MonitorConfig(null, null, null, null);

    /** The services' sections, with HTTP endpoints open to every reader and metrics exported only to Prometheus. */
    public MonitorConfig(KafkaConfig kafka, ProbesConfig probes, AggregationConfig aggregation, AlertsConfig alerts) {
        this(kafka, probes, aggregation, alerts, null, null);
    }

    public MonitorConfig {
        kafka = Check.orDefault(kafka, KafkaConfig.DEFAULT);
        probes = Check.orDefault(probes, ProbesConfig.DEFAULT);
        aggregation = Check.orDefault(aggregation, AggregationConfig.DEFAULT);
        alerts = Check.orDefault(alerts, AlertsConfig.DEFAULT);
        http = Check.orDefault(http, HttpConfig.DEFAULT);
        metrics = Check.orDefault(metrics, MetricsConfig.DEFAULT);
    }
}
