package dev.llmuptime.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The payload shape a webhook receives. */
public enum WebhookFormat {
    GENERIC("generic"),
    ALERTMANAGER("alertmanager"),
    /** Alerts pushed to an Alertmanager's own API: {@code url} is the Alertmanager. */
    ALERTMANAGER_API("alertmanager-api"),
    SLACK("slack"),
    PAGERDUTY("pagerduty");

    private final String configName;

    WebhookFormat(String configName) {
        this.configName = configName;
    }

    /** The name as written in the config. */
    @JsonValue
    public String configName() {
        return configName;
    }

    @JsonCreator
    public static WebhookFormat fromConfig(String text) {
        return ConfigNames.parse(values(), text, WebhookFormat::configName);
    }
}
