package dev.llmuptime.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.Duration;
import java.util.List;

/**
 * One alert rule: {@code condition} ({@code METRIC OP NUMBER}, or {@code no-data}) over the
 * stats of {@code window} for every target matching the {@code targets} glob. {@code notify}
 * names webhooks; null means all of them. {@code objective} is the availability a {@code burn-rate(..)}
 * condition measures the error budget against; {@code baseline} is the trailing period an
 * {@code x baseline} condition compares with.
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
        @JsonProperty("notify") List<String> notifyWebhooks,
        @JsonProperty("objective") @JsonDeserialize(using = RatioDeserializer.class) Double objective,
        @JsonProperty("baseline") Duration baseline) {

    public static final double DEFAULT_OBJECTIVE = 0.995;
    public static final Duration DEFAULT_BASELINE = Duration.ofHours(6);

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
        objective = Check.orDefault(objective, DEFAULT_OBJECTIVE);
        if (!(objective > 0 && objective < 1)) {
            throw new InvalidValueException("objective", "must be above 0 and below 1 (e.g. 0.995 or 99.5%), got "
                    + objective);
        }
        baseline = Check.positive("baseline", baseline, DEFAULT_BASELINE);
    }

    /** A rule with the default objective and baseline period. */
    public RuleConfig(String name, String targets, Duration window, String condition, String resolveWhen,
            Integer minSamples, Duration forDuration, Duration keepFiringFor, String severity,
            List<String> notifyWebhooks) {
        this(name, targets, window, condition, resolveWhen, minSamples, forDuration, keepFiringFor, severity,
                notifyWebhooks, null, null);
    }
}
