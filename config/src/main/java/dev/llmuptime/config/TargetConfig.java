package dev.llmuptime.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One model endpoint to probe. {@code id} is the record key on every topic. An {@code optional}
 * target whose {@code api-key} is empty (e.g. an unset variable) is left out of the probes.
 * {@code headers} are sent with every probe, after the provider's own (so they may replace them);
 * their values are secrets. {@code deployment} and {@code api-version} are Azure OpenAI's.
 * {@code confirm-after} is the delay of the one extra probe after a failure that counts against
 * uptime; zero turns it off. {@code failing-interval} is the cadence while the last probe failed,
 * {@code max-backoff} caps a wait the provider asks for (Retry-After, rate-limit reset), and
 * {@code breaker-max-interval} caps the doubling interval after failures on the monitor's own side.
 */
public record TargetConfig(
        @JsonProperty("id") String id,
        @JsonProperty("provider") Provider provider,
        @JsonProperty("base-url") URI baseUrl,
        @JsonProperty("api-key") Secret apiKey,
        @JsonProperty("headers") Map<String, Secret> headers,
        @JsonProperty("model") String model,
        @JsonProperty("deployment") String deployment,
        @JsonProperty("api-version") String apiVersion,
        @JsonProperty("check") CheckType check,
        @JsonProperty("interval") Duration interval,
        @JsonProperty("timeout") Duration timeout,
        @JsonProperty("confirm-after") Duration confirmAfter,
        @JsonProperty("failing-interval") Duration failingInterval,
        @JsonProperty("max-backoff") Duration maxBackoff,
        @JsonProperty("breaker-max-interval") Duration breakerMaxInterval,
        @JsonProperty("max-tokens") Integer maxTokens,
        @JsonProperty("prompt") String prompt,
        @JsonProperty("expect") ExpectConfig expect,
        @JsonProperty("optional") Boolean optional) {

    /** The newest generally available Azure OpenAI data-plane version when this default was set. */
    public static final String DEFAULT_AZURE_API_VERSION = "2024-10-21";

    private static final Pattern ID = Pattern.compile("[a-z0-9._-]+");
    // Both go into the request URL as they are: keep them to characters that need no escaping.
    private static final Pattern DEPLOYMENT = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern API_VERSION = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(-preview)?");
    private static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration DEFAULT_CONFIRM_AFTER = Duration.ofSeconds(1);
    private static final Duration DEFAULT_MAX_BACKOFF = Duration.ofMinutes(5);
    private static final Duration DEFAULT_BREAKER_MAX_INTERVAL = Duration.ofSeconds(60);

    public TargetConfig {
        Check.requiredText("id", id);
        if (!ID.matcher(id).matches()) {
            throw new InvalidValueException("id", "'" + id + "' may use only a-z, 0-9, '.', '_' and '-'");
        }
        provider = Check.orDefault(provider, Provider.OPENAI);
        if (baseUrl == null && provider.defaultBaseUrl() != null) {
            baseUrl = URI.create(provider.defaultBaseUrl());
        }
        if (baseUrl == null) {
            throw new InvalidValueException("base-url", "is required for provider " + provider.configName()
                    + (provider == Provider.AZURE_OPENAI ? " (your resource's endpoint, e.g. "
                            + "https://my-resource.openai.azure.com)" : ""));
        }
        Check.httpUrl("base-url", baseUrl);
        apiKey = Check.orDefault(apiKey, Secret.none());
        headers = RequestHeaders.check("headers", headers);
        Check.requiredText("model", model);
        if (provider == Provider.AZURE_OPENAI) {
            Check.requiredText("deployment", deployment);
            if (!DEPLOYMENT.matcher(deployment).matches()) {
                throw new InvalidValueException("deployment", "'" + deployment
                        + "' must be 1 to 64 letters, digits, '.', '_' or '-'");
            }
            apiVersion = Check.orDefault(apiVersion, DEFAULT_AZURE_API_VERSION);
            if (!API_VERSION.matcher(apiVersion).matches()) {
                throw new InvalidValueException("api-version", "'" + apiVersion
                        + "' must be a date like 2024-10-21, or one like 2025-04-01-preview");
            }
        } else {
            onlyForAzure("deployment", deployment, provider);
            onlyForAzure("api-version", apiVersion, provider);
        }
        check = Check.orDefault(check, CheckType.CHAT_STREAM);
        if (!provider.supports(check)) {
            throw new InvalidValueException("check", check.configName() + " is not offered by provider "
                    + provider.configName() + " (expected one of " + provider.checkNames() + ")");
        }
        interval = Check.positive("interval", interval, DEFAULT_INTERVAL);
        // A probe must end before the next one is due, or every other tick would be skipped.
        timeout = Check.positive("timeout", timeout, DEFAULT_TIMEOUT.compareTo(interval) < 0 ? DEFAULT_TIMEOUT : interval);
        if (timeout.compareTo(interval) > 0) {
            throw new InvalidValueException("timeout", "(" + Durations.format(timeout)
                    + ") must not be longer than interval (" + Durations.format(interval) + ")");
        }
        // Off by default when the interval is too short for a confirmation to come before the next probe.
        confirmAfter = Check.notNegative("confirm-after", confirmAfter,
                DEFAULT_CONFIRM_AFTER.compareTo(interval) < 0 ? DEFAULT_CONFIRM_AFTER : Duration.ZERO);
        if (!confirmAfter.isZero() && confirmAfter.compareTo(interval) >= 0) {
            throw new InvalidValueException("confirm-after", "(" + Durations.format(confirmAfter)
                    + ") must be shorter than interval (" + Durations.format(interval) + "), or 0 to turn it off");
        }
        failingInterval = Check.positive("failing-interval", failingInterval, FailingInterval.defaultFor(interval));
        if (failingInterval.compareTo(interval) > 0) {
            throw new InvalidValueException("failing-interval", "(" + Durations.format(failingInterval)
                    + ") must not be longer than interval (" + Durations.format(interval) + ")");
        }
        maxBackoff = Check.positive("max-backoff", maxBackoff, DEFAULT_MAX_BACKOFF);
        breakerMaxInterval = Check.positive("breaker-max-interval", breakerMaxInterval, DEFAULT_BREAKER_MAX_INTERVAL);
        maxTokens = Check.atLeast("max-tokens", maxTokens, 5, 1);
        prompt = Check.orDefault(prompt, "Reply with the single word OK.");
        expect = Check.orDefault(expect, ExpectConfig.NONE);
        optional = Check.orDefault(optional, false);
    }

    /** A target that must be probed, without extra headers, of a provider other than Azure OpenAI. */
    public TargetConfig(String id, Provider provider, URI baseUrl, Secret apiKey, String model, CheckType check,
            Duration interval, Duration timeout, Integer maxTokens, String prompt, ExpectConfig expect) {
        this(id, provider, baseUrl, apiKey, null, model, null, null, check, interval, timeout, null, null, null, null,
                maxTokens, prompt, expect, false);
    }

    /** This target with {@code headers} sent on every probe. */
    public TargetConfig withHeaders(Map<String, Secret> headers) {
        return new TargetConfig(id, provider, baseUrl, apiKey, headers, model, deployment, apiVersion, check, interval,
                timeout, confirmAfter, failingInterval, maxBackoff, breakerMaxInterval, maxTokens, prompt, expect, optional);
    }

    /** This target confirming a failure after {@code confirmAfter} (zero: never). */
    public TargetConfig withConfirmAfter(Duration confirmAfter) {
        return new TargetConfig(id, provider, baseUrl, apiKey, headers, model, deployment, apiVersion, check, interval,
                timeout, confirmAfter, failingInterval, maxBackoff, breakerMaxInterval, maxTokens, prompt, expect, optional);
    }

    /** This target probed every {@code failingInterval} while its last probe failed. */
    public TargetConfig withFailingInterval(Duration failingInterval) {
        return new TargetConfig(id, provider, baseUrl, apiKey, headers, model, deployment, apiVersion, check, interval,
                timeout, confirmAfter, failingInterval, maxBackoff, breakerMaxInterval, maxTokens, prompt, expect,
                optional);
    }

    /** This target waiting at most {@code maxBackoff} when the provider asks it to wait. */
    public TargetConfig withMaxBackoff(Duration maxBackoff) {
        return new TargetConfig(id, provider, baseUrl, apiKey, headers, model, deployment, apiVersion, check, interval,
                timeout, confirmAfter, failingInterval, maxBackoff, breakerMaxInterval, maxTokens, prompt, expect,
                optional);
    }

    /** This target's breaker doubling its interval up to {@code breakerMaxInterval}. */
    public TargetConfig withBreakerMaxInterval(Duration breakerMaxInterval) {
        return new TargetConfig(id, provider, baseUrl, apiKey, headers, model, deployment, apiVersion, check, interval,
                timeout, confirmAfter, failingInterval, maxBackoff, breakerMaxInterval, maxTokens, prompt, expect,
                optional);
    }

    /**
     * This target probed every {@code interval}, which must not be shorter than its timeout; its
     * failing-interval keeps its share of the interval.
     */
    public TargetConfig withInterval(Duration interval) {
        Duration scaledFailingInterval = Duration.ofMillis(Math.max(1,
                failingInterval.toMillis() * interval.toMillis() / this.interval.toMillis()));
        return new TargetConfig(id, provider, baseUrl, apiKey, headers, model, deployment, apiVersion, check, interval,
                timeout, confirmAfter, min(scaledFailingInterval, interval), maxBackoff, breakerMaxInterval, maxTokens,
                prompt, expect, optional);
    }

    /** Every secret this target holds: its key and its header values, none of which may be shown. */
    public List<Secret> secrets() {
        List<Secret> secrets = new ArrayList<>();
        secrets.add(apiKey);
        secrets.addAll(headers.values());
        return secrets;
    }

    /** An optional target without a key is not probed, so a deployment runs with or without that secret. */
    boolean leftOut() {
        return optional && !apiKey.isPresent();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static void onlyForAzure(String key, String value, Provider provider) {
        if (value != null) {
            throw new InvalidValueException(key, "is used only by provider azure-openai, not " + provider.configName());
        }
    }
}
