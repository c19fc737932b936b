package dev.llmuptime.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The API family of a probe target. */
public enum Provider {
    OPENAI("openai", "https://api.openai.com/v1"),
    OPENAI_COMPATIBLE("openai-compatible", null),
    AZURE_OPENAI("azure-openai", null),
    ANTHROPIC("anthropic", "https://api.anthropic.com/v1");

    private final String configName;
    private final String defaultBaseUrl;

    Provider(String configName, String defaultBaseUrl) {
        this.configName = configName;
        this.defaultBaseUrl = defaultBaseUrl;
    }

    /** The public endpoint of this provider, or null where every deployment has its own. */
    public String defaultBaseUrl() {
        return defaultBaseUrl;
    }

    /** The name as written in the config. */
    @JsonValue
    public String configName() {
        return configName;
    }

    @JsonCreator
    public static Provider fromConfig(String text) {
        return ConfigNames.parse(values(), text, Provider::configName);
    }
}
