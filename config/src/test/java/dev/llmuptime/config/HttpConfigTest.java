package dev.llmuptime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code http}: open by default, a token read from the environment and never shown, checked for length. */
class HttpConfigTest {

    private static final Map<String, String> ENV = Map.of("HTTP_TOKEN", "ht-0123456789abcdef", "SHORT", "ht-0123");

    @Test
    void anOlderFileHasNoTokenSoEverythingStaysOpen() {
        MonitorConfig config = load("alerts: {http-port: 8082}\n");

        assertThat(config.http().token().isPresent()).isFalse();
        assertThat(config.http().publicStatus()).isFalse();
    }

    @Test
    void theTokenIsReadFromTheEnvironmentAndNeverShown() {
        MonitorConfig config = load("http:\n  token: ${HTTP_TOKEN}\n  public-status: true\n");

        assertThat(config.http().token().reveal()).isEqualTo("ht-0123456789abcdef");
        assertThat(config.http().publicStatus()).isTrue();
        assertThat(config.toString()).doesNotContain("ht-0123456789abcdef").contains("token=****");
    }

    @Test
    void aShortTokenIsRefusedNamingTheKeyButNotTheValue() {
        assertThatThrownBy(() -> load("http:\n  token: ${SHORT}\n")).isInstanceOf(ConfigException.class)
                .hasMessage("monitor.yaml:2: http.token must be at least 16 characters long")
                .hasMessageNotContaining("ht-0123");
    }

    @Test
    void publicStatusMustBeABoolean() {
        assertThatThrownBy(() -> load("http:\n  public-status: sometimes\n")).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("monitor.yaml:2: http.public-status");
    }

    private static MonitorConfig load(String yaml) {
        return new ConfigLoader(ENV::get).parse(yaml, "monitor.yaml");
    }
}
