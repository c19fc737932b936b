package dev.llmuptime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Optional targets and webhooks let one file serve a deployment with or without its secrets. */
class OptionalEntriesTest {

    private static final String YAML = """
            probes:
              targets:
                - {id: sim, provider: openai-compatible, base-url: "http://127.0.0.1:8090/v1", model: m}
                - {id: keyless, provider: openai-compatible, base-url: "http://127.0.0.1:8090/v1", model: m,
                   api-key: "${OPENAI_API_KEY:-}"}
                - {id: openai, api-key: "${OPENAI_API_KEY:-}", optional: true, model: gpt-4o-mini}
            alerts:
              webhooks:
                - {name: ops, url: "${WEBHOOK_URL:-}", optional: true}
            """;

    @Test
    void optionalEntriesWithoutTheirSecretAreLeftOut() {
        MonitorConfig config = load(Map.of());

        assertThat(config.probes().targets()).extracting(TargetConfig::id).containsExactly("sim", "keyless");
        assertThat(config.alerts().webhooks()).isEmpty();
    }

    @Test
    void optionalEntriesWithTheirSecretAreKept() {
        MonitorConfig config = load(Map.of("OPENAI_API_KEY", "sk-test", "WEBHOOK_URL", "https://hooks.example.com/x"));

        assertThat(config.probes().targets()).extracting(TargetConfig::id).containsExactly("sim", "keyless", "openai");
        assertThat(config.probes().targets().get(2).apiKey().reveal()).isEqualTo("sk-test");
        assertThat(config.probes().targets().get(0).optional()).isFalse();
        assertThat(config.probes().targets().get(2).optional()).isTrue();
        assertThat(config.alerts().webhooks()).extracting(WebhookConfig::url)
                .containsExactly(URI.create("https://hooks.example.com/x"));
    }

    @Test
    void aWebhookThatIsNotOptionalStillNeedsItsUrl() {
        assertThatThrownBy(() -> new ConfigLoader(name -> null).parse("""
                alerts:
                  webhooks:
                    - {name: ops, url: "${WEBHOOK_URL:-}"}
                """, "monitor.yaml"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("alerts.webhooks[0].url is required");
    }

    @Test
    void anOptionalWebhookWithAUrlIsStillChecked() {
        assertThatThrownBy(() -> load(Map.of("WEBHOOK_URL", "ftp://hooks.example.com/x")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("alerts.webhooks[0].url");
    }

    private static MonitorConfig load(Map<String, String> env) {
        return new ConfigLoader(env::get).parse(YAML, "monitor.yaml");
    }
}
