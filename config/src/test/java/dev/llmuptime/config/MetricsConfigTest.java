package dev.llmuptime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The metrics section: each backend's keys, defaults, one-line errors naming the key, and secret headers. */
class MetricsConfigTest {

    private static final Map<String, String> ENV = Map.of("OTLP_TOKEN", "otlp-secret-value-7");
    private static final ConfigText TEXT = new ConfigText(ENV);

    @Test
    void withoutTheSectionNothingIsExported() {
        MetricsConfig metrics = TEXT.load("kafka: {partitions: 1}\n").metrics();

        assertThat(metrics).isEqualTo(MetricsConfig.DEFAULT);
        assertThat(metrics.otlp()).isNull();
        assertThat(metrics.cloudwatch()).isNull();
        assertThat(metrics.stackdriver()).isNull();
    }

    @Test
    void everyBackendTakesItsKeysAndDefaultsItsStep() {
        MetricsConfig metrics = TEXT.load("""
                metrics:
                  otlp: {url: "http://collector:4318/v1/metrics", step: 30s, headers: {x-api-key: "${OTLP_TOKEN}"}}
                  cloudwatch: {namespace: LLMUptime, region: us-east-1, endpoint: "http://127.0.0.1:4566"}
                  stackdriver: {project-id: my-project}
                """).metrics();

        assertThat(metrics.otlp().url()).isEqualTo(URI.create("http://collector:4318/v1/metrics"));
        assertThat(metrics.otlp().step()).isEqualTo(Duration.ofSeconds(30));
        assertThat(metrics.otlp().headers().get("x-api-key").reveal()).isEqualTo("otlp-secret-value-7");
        assertThat(metrics.cloudwatch().namespace()).isEqualTo("LLMUptime");
        assertThat(metrics.cloudwatch().region()).isEqualTo("us-east-1");
        assertThat(metrics.cloudwatch().endpoint()).isEqualTo(URI.create("http://127.0.0.1:4566"));
        assertThat(metrics.cloudwatch().step()).isEqualTo(Duration.ofMinutes(1));
        assertThat(metrics.stackdriver().projectId()).isEqualTo("my-project");
        assertThat(metrics.stackdriver().step()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void otlpHeadersAreSecretsNeverShown() {
        MetricsConfig metrics = TEXT.load("""
                metrics:
                  otlp: {url: "https://collector", headers: {authorization: "Bearer ${OTLP_TOKEN}", x-empty: "${UNSET:-}"}}
                """).metrics();

        assertThat(metrics.otlp().headers()).containsOnlyKeys("authorization");
        assertThat(metrics.toString()).doesNotContain("otlp-secret-value-7");
        assertThatThrownBy(() -> TEXT.load("""
                metrics:
                  otlp: {url: "https://collector", headers: {x-token: ["${OTLP_TOKEN}"]}}
                """)).isInstanceOf(ConfigException.class)
                .hasMessage("monitor.yaml:2: metrics.otlp.headers.x-token: expected a string")
                .hasMessageNotContaining("otlp-secret-value-7");
        assertThatThrownBy(() -> TEXT.load("""
                metrics:
                  otlp: {url: "https://collector", headers: {x-token: "${OTLP_TOKEN}\\nx-evil: 1"}}
                """)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("metrics.otlp.headers the value of 'x-token' must be one line")
                .hasMessageNotContaining("otlp-secret-value-7");
    }

    @Test
    void badValuesAreOneLineErrorsNamingTheKey() {
        TEXT.assertError("metrics:\n  otlp: {step: 30s}\n", "monitor.yaml:2: metrics.otlp.url is required");
        TEXT.assertError("metrics:\n  otlp: {url: \"collector:4318\"}\n",
                "metrics.otlp.url 'collector:4318' must be an http:// or https:// URL");
        TEXT.assertError("metrics:\n  otlp: {url: \"http://c\", step: 0s}\n", "metrics.otlp.step must be longer than 0");
        TEXT.assertError("metrics:\n  cloudwatch: {region: us-east-1}\n",
                "monitor.yaml:2: metrics.cloudwatch.namespace is required and must not be empty");
        TEXT.assertError("metrics:\n  cloudwatch: {namespace: \"AWS/EC2\", region: us-east-1}\n",
                "metrics.cloudwatch.namespace 'AWS/EC2' must not start with AWS/ (AWS's own)");
        TEXT.assertError("metrics:\n  cloudwatch: {namespace: \"LLM Uptime\", region: us-east-1}\n",
                "metrics.cloudwatch.namespace 'LLM Uptime' must be 1 to 255 letters, digits or . - _ / # :");
        TEXT.assertError("metrics:\n  cloudwatch: {namespace: LLMUptime}\n",
                "metrics.cloudwatch.region is required and must not be empty");
        TEXT.assertError("metrics:\n  cloudwatch: {namespace: LLMUptime, region: Virginia}\n",
                "metrics.cloudwatch.region 'Virginia' is not an AWS region like us-east-1");
        TEXT.assertError("metrics:\n  cloudwatch: {namespace: LLMUptime, region: us-east-1, endpoint: \"ftp://x\"}\n",
                "metrics.cloudwatch.endpoint 'ftp://x' must be an http:// or https:// URL");
        TEXT.assertError("metrics:\n  stackdriver: {step: 1m}\n",
                "metrics.stackdriver.project-id is required and must not be empty");
        TEXT.assertError("metrics:\n  stackdriver: {project-id: My_Project}\n", "metrics.stackdriver.project-id "
                + "'My_Project' is not a Google Cloud project id (6 to 30 lowercase letters, digits or hyphens)");
        TEXT.assertError("metrics:\n  statsd: {}\n", "monitor.yaml:2: unknown key 'statsd' in metrics; expected one of "
                + "cloudwatch, otlp, stackdriver");
        TEXT.assertError("metrics:\n  otlp: {url: \"http://c\", step: 30}\n", "metrics.otlp.step");
    }
}
