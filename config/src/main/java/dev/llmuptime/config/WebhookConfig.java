package dev.llmuptime.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * A receiver of alerts. {@code secret} signs the generic format (HMAC); PagerDuty takes its
 * {@code routing-key} instead; for {@code alertmanager-api} the {@code url} is an Alertmanager's base
 * URL. Retries go on until {@code max-retry-age}; {@code circuit-breaker} stops calling a receiver
 * that keeps failing. An {@code optional} webhook without a {@code url} (e.g. an unset variable) is
 * left out.
 */
public record WebhookConfig(
        @JsonProperty("name") String name,
        @JsonProperty("url") URI url,
        @JsonProperty("format") WebhookFormat format,
        @JsonProperty("secret") Secret secret,
        @JsonProperty("routing-key") Secret routingKey,
        @JsonProperty("headers") Map<String, String> headers,
        @JsonProperty("timeout") Duration timeout,
        @JsonProperty("max-retry-age") Duration maxRetryAge,
        @JsonProperty("circuit-breaker") BreakerConfig circuitBreaker,
        @JsonProperty("optional") Boolean optional) {

    public WebhookConfig {
        Check.requiredText("name", name);
        optional = Check.orDefault(optional, false);
        // An empty variable in quotes ("${WEBHOOK_URL:-}") means no URL, as it does unquoted.
        url = url == null || url.toString().isEmpty() ? null : url;
        if (url != null || !optional) {
            Check.required("url", url);
            Check.httpUrl("url", url);
        }
        format = Check.orDefault(format, WebhookFormat.GENERIC);
        secret = Check.orDefault(secret, Secret.none());
        routingKey = Check.orDefault(routingKey, Secret.none());
        if (format == WebhookFormat.PAGERDUTY && !routingKey.isPresent()) {
            throw new InvalidValueException("routing-key", "is required for format pagerduty");
        }
        if (format == WebhookFormat.ALERTMANAGER_API && url != null && (url.getRawQuery() != null
                || url.getPath().contains("/api/"))) {
            throw new InvalidValueException("url", "must be the Alertmanager's base URL (e.g. http://alertmanager:9093) "
                    + "for format alertmanager-api: /api/v2/alerts is added to it, got '" + url + "'");
        }
        headers = Map.copyOf(Check.orDefault(headers, Map.of()));
        timeout = Check.positive("timeout", timeout, Duration.ofSeconds(5));
        maxRetryAge = Check.positive("max-retry-age", maxRetryAge, Duration.ofHours(24));
        circuitBreaker = Check.orDefault(circuitBreaker, BreakerConfig.DEFAULT);
    }

    /** A webhook that must be called. */
    public WebhookConfig(String name, URI url, WebhookFormat format, Secret secret, Secret routingKey,
            Map<String, String> headers, Duration timeout, Duration maxRetryAge, BreakerConfig circuitBreaker) {
        this(name, url, format, secret, routingKey, headers, timeout, maxRetryAge, circuitBreaker, false);
    }

    /** An optional webhook without a URL is not called, so a deployment runs with or without a receiver. */
    boolean leftOut() {
        return optional && url == null;
    }
}
