package dev.llmuptime.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where every service pushes its meters besides Prometheus' {@code /metrics}, which always stays on.
 * A backend left out (null) is not exported to.
 */
public record MetricsConfig(
        @JsonProperty("otlp") OtlpExport otlp,
        @JsonProperty("cloudwatch") CloudWatchExport cloudwatch,
        @JsonProperty("stackdriver") StackdriverExport stackdriver) {

    public static final MetricsConfig DEFAULT = new MetricsConfig(null, null, null);
}
