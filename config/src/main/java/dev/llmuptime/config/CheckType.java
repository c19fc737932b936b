package dev.llmuptime.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What a probe does against its target. */
public enum CheckType {
    MODELS("models"),
    CHAT("chat"),
    CHAT_STREAM("chat-stream"),
    EMBEDDINGS("embeddings");

    private final String configName;

    CheckType(String configName) {
        this.configName = configName;
    }

    /** The name as written in the config. */
    @JsonValue
    public String configName() {
        return configName;
    }

    @JsonCreator
    public static CheckType fromConfig(String text) {
        return ConfigNames.parse(values(), text, CheckType::configName);
    }
}
