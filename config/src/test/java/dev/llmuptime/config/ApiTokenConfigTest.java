package dev.llmuptime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code alerts.api-token}: absent by default, read from the environment, never shown. */
class ApiTokenConfigTest {

    private static final Map<String, String> ENV = Map.of("ALERTS_API_TOKEN", "tok-0123456789");

    @Test
    void anOlderFileHasNoTokenSoTheWriteApiIsOff() {
        assertThat(load("alerts: {http-port: 8082}").alerts().apiToken().isPresent()).isFalse();
        assertThat(AlertsConfig.DEFAULT.apiToken().isPresent()).isFalse();
    }

    @Test
    void theTokenIsReadFromTheEnvironmentAndNeverShown() {
        MonitorConfig config = load("alerts:\n  api-token: ${ALERTS_API_TOKEN}\n");

        assertThat(config.alerts().apiToken().reveal()).isEqualTo("tok-0123456789");
        assertThat(config.toString()).doesNotContain("tok-0123456789").contains("apiToken=****");
    }

    @Test
    void anUnsetVariableWithAnEmptyDefaultLeavesTheWriteApiOff() {
        assertThat(load("alerts:\n  api-token: ${UNSET_TOKEN:-}\n").alerts().apiToken().isPresent()).isFalse();
    }

    @Test
    void aTokenOfTheWrongTypeIsReportedWithoutItsValue() {
        assertThatThrownBy(() -> load("alerts:\n  api-token: [${ALERTS_API_TOKEN}]\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("monitor.yaml:2: alerts.api-token: expected a string")
                .hasMessageNotContaining("tok-0123456789");
    }

    private static MonitorConfig load(String yaml) {
        return new ConfigLoader(ENV::get).parse(yaml, "monitor.yaml");
    }
}
