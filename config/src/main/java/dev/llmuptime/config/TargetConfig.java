package dev.llmuptime.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URI;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * One model endpoint to probe. {@code id} is the record key on every topic. An {@code optional}
 * target whose {@code api-key} is empty (e.g. an unset variable) is left out of the probes.
 */
public record TargetConfig(
        @JsonProperty("id") String id,
        @JsonProperty("provider") Provider provider,
        @JsonProperty("base-url") URI baseUrl,
        @JsonProperty("api-key") Secret apiKey,
        @JsonProperty("model") String model,
        @JsonProperty("check") CheckType check,
        @JsonProperty("interval") Duration interval,
        @JsonProperty("timeout") Duration timeout,
        @JsonProperty("max-tokens") Integer maxTokens,
        @JsonProperty("prompt") String prompt,
        @JsonProperty("expect") ExpectConfig expect,
        @JsonProperty("optional") Boolean optional) {

    private static final Pattern ID = Pattern.compile("[a-z0-9._-]+");
    private static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

    public TargetConfig {
        Check.requiredText("id", id);
        if (!ID.matcher(id).matches()) {
            throw new InvalidValueException("id", "'" + id + "' may use only a-z, 0-9, '.', '_' and '-'");
        }
        provider = Check.orDefault(provider, Provider.OPENAI);
        if (baseUrl == null && provider.defaultBaseUrl() != null) {
            baseUrl = URI.create(provider.defaultBaseUrl());
        }
        Check.required("base-url", baseUrl);
        Check.httpUrl("base-url", baseUrl);
        apiKey = Check.orDefault(apiKey, Secret.none());
        Check.requiredText("model", model);
        check = Check.orDefault(check, CheckType.CHAT_STREAM);
        interval = Check.positive("interval", interval, DEFAULT_INTERVAL);
        // A probe must end before the next one is due, or every other tick would be skipped.
        timeout = Check.positive("timeout", timeout, DEFAULT_TIMEOUT.compareTo(interval) < 0 ? DEFAULT_TIMEOUT : interval);
        if (timeout.compareTo(interval) > 0) {
            throw new InvalidValueException("timeout", "(" + Durations.format(timeout)
                    + ") must not be longer than interval (" + Durations.format(interval) + ")");
        }
        maxTokens = Check.atLeast("max-tokens", maxTokens, 5, 1);
        prompt = Check.orDefault(prompt, "Reply with the single word OK.");
        expect = Check.orDefault(expect, ExpectConfig.NONE);
        optional = Check.orDefault(optional, false);
    }

    /** A target that must be probed. */
    public TargetConfig(String id, Provider provider, URI baseUrl, Secret apiKey, String model, CheckType check,
            Duration interval, Duration timeout, Integer maxTokens, String prompt, ExpectConfig expect) {
        this(id, provider, baseUrl, apiKey, model, check, interval, timeout, maxTokens, prompt, expect, false);
    }

    /** An optional target without a key is not probed, so a deployment runs with or without that secret. */
    boolean leftOut() {
        return optional && !apiKey.isPresent();
    }
}
