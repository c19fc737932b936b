package dev.llmuptime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

/** A config file's text loaded as {@code monitor.yaml} with a given environment, and its one-line errors. */
record ConfigText(Map<String, String> env) {

    MonitorConfig load(String yaml) {
        return new ConfigLoader(env::get).parse(yaml, "monitor.yaml");
    }

    /** Loading {@code yaml} fails with one line containing {@code expected}. */
    void assertError(String yaml, String expected) {
        assertThatThrownBy(() -> load(yaml))
                .isInstanceOf(ConfigException.class)
                .message()
                .satisfies(message -> assertThat(message).contains(expected).doesNotContain("\n"));
    }
}
