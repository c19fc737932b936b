package dev.llmuptime.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.Duration;
import java.util.List;

/**
 * One alert rule: {@code condition} ({@code METRIC OP NUMBER}, or {@code no-data}) over the
 * stats of {@code window} for every target matching the {@code targets} glob. {@code notify}
 * names webhooks; null means all of them. {@code flap-window} (window rules) holds a firing alert
 * while the target's failed probes of that long formed several runs; {@code missed-probes}
 * (no-data rules) stretches the silence to that many of the target's probe intervals.
 * {@code objective} is the availability a {@code burn-rate(..)} condition measures the error
 * budget against; {@code baseline} is the trailing period an {@code x baseline} condition compares with.
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
        @JsonProperty("flap-window") Duration flapWindow,
        @JsonProperty("missed-probes") Integer missedProbes,
        @JsonProperty("objective") @JsonDeserialize(using = RatioDeserializer.class) Double objective,
        @JsonProperty("baseline") Duration baseline) {

    static final String NO_DATA = "no-data";
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
        flapWindow = Check.notNegative("flap-window", flapWindow, Duration.ZERO);
        missedProbes = Check.atLeast("missed-probes", missedProbes, 0, 0);
        // Zero is the default of both, so a rule written back with its defaults reads again.
        boolean noData = condition.trim().equals(NO_DATA);
        if (noData && !flapWindow.isZero()) {
            throw new InvalidValueException("flap-window", "applies only to rules on a metric, not to no-data");
        }
        if (!noData && missedProbes > 0) {
            throw new InvalidValueException("missed-probes", "applies only to no-data rules");
        }
        objective = Check.orDefault(objective, DEFAULT_OBJECTIVE);
        if (!(objective > 0 && objective < 1)) {
            throw new InvalidValueException("objective", "must be above 0 and below 1 (e.g. 0.995 or 99.5%), got "
                    + objective);
        }
        baseline = Check.positive("baseline", baseline, DEFAULT_BASELINE);
    }

    /** A rule with only the first keys: no flap-window or missed-probes, the default objective and baseline. */
    public RuleConfig(String name, String targets, Duration window, String condition, String resolveWhen,
            Integer minSamples, Duration forDuration, Duration keepFiringFor, String severity,
            List<String> notifyWebhooks) {
        this(name, targets, window, condition, resolveWhen, minSamples, forDuration, keepFiringFor, severity,
                notifyWebhooks, null, null, null, null);
    }

    /** Whether the rule fires on silence ({@code condition: no-data}) rather than on a metric. */
    public boolean noData() {
        return condition.trim().equals(NO_DATA);
    }
}
