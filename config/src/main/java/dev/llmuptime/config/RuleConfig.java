package dev.llmuptime.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.List;

/**
 * One alert rule: {@code condition} ({@code METRIC OP NUMBER}, or {@code no-data}) over the
 * stats of {@code window} for every target matching the {@code targets} glob. {@code notify}
 * names webhooks; null means all of them.
 */
public record RuleConfig(
        @JsonProperty("name") String name,
        @JsonProperty("targets") String targets,
        @JsonProperty("window") Duration window,
        @JsonProperty("condition") String condition,
        @JsonProperty("resolve-when") String resolveWhen,
        @JsonProperty("min-samples") Integer minSamples,
        @JsonProperty("for") Duration forDuration,
        @JsonProperty("keep-firing-for") Duration keepFiringFor,
        @JsonProperty("severity") String severity,
        @JsonProperty("notify") List<String> notifyWebhooks) {

    public RuleConfig {
        Check.requiredText("name", name);
        targets = Check.orDefault(targets, "*");
        window = Check.positive("window", window, Duration.ofMinutes(1));
        Check.requiredText("condition", condition);
        minSamples = Check.atLeast("min-samples", minSamples, 1, 0);
        forDuration = Check.notNegative("for", forDuration, Duration.ZERO);
        keepFiringFor = Check.notNegative("keep-firing-for", keepFiringFor, Duration.ZERO);
        severity = Check.orDefault(severity, "warning");
        notifyWebhooks = notifyWebhooks == null ? null : List.copyOf(notifyWebhooks);
    }
}
