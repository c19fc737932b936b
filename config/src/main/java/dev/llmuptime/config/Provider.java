package dev.llmuptime.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** The API family of a probe target, and the checks its API offers. */
public enum Provider {
    OPENAI("openai", "https://api.openai.com/v1", EnumSet.allOf(CheckType.class)),
    OPENAI_COMPATIBLE("openai-compatible", null, EnumSet.allOf(CheckType.class)),
    // Azure lists models per resource, not per deployment: a deployment is probed through its data plane.
    AZURE_OPENAI("azure-openai", null, EnumSet.of(CheckType.CHAT, CheckType.CHAT_STREAM, CheckType.EMBEDDINGS)),
    ANTHROPIC("anthropic", "https://api.anthropic.com/v1", EnumSet.of(CheckType.MODELS, CheckType.CHAT,
            CheckType.CHAT_STREAM)),
    GEMINI("gemini", "https://generativelanguage.googleapis.com/v1beta", EnumSet.of(CheckType.MODELS, CheckType.CHAT,
            CheckType.CHAT_STREAM));

    private final String configName;
    private final String defaultBaseUrl;
    private final Set<CheckType> checks;

    Provider(String configName, String defaultBaseUrl, Set<CheckType> checks) {
        this.configName = configName;
        this.defaultBaseUrl = defaultBaseUrl;
        this.checks = checks;
    }

    /** The public endpoint of this provider, or null where every deployment has its own. */
    public String defaultBaseUrl() {
        return defaultBaseUrl;
    }

    public boolean supports(CheckType check) {
        return checks.contains(check);
    }

    /** The checks this provider's API offers, as the config names them. */
    String checkNames() {
        return checks.stream().map(CheckType::configName).collect(Collectors.joining(", "));
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
