package dev.llmuptime.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What a correct answer looks like: content matching {@code content-regex} (else
 * CONTENT_MISMATCH), within {@code max-latency} (else SLOW). Both optional. The regex is compiled
 * once, when the config is read, not on every probe.
 */
public record ExpectConfig(
        @JsonProperty("content-regex") Pattern contentPattern,
        @JsonProperty("max-latency") Duration maxLatency) {

    public static final ExpectConfig NONE = new ExpectConfig((Pattern) null, null);

    public ExpectConfig {
        if (maxLatency != null) {
            Check.positive("max-latency", maxLatency, maxLatency);
        }
    }

    /** The expectation as written in the config; {@code contentRegex} may be null (any content). */
    @JsonCreator
    public ExpectConfig(@JsonProperty("content-regex") String contentRegex,
            @JsonProperty("max-latency") Duration maxLatency) {
        this(compile(contentRegex), maxLatency);
    }

    // Pattern compares by identity: two configs with the same regex are still equal.
    @Override
    public boolean equals(Object other) {
        return other instanceof ExpectConfig that && Objects.equals(regex(contentPattern), regex(that.contentPattern))
                && Objects.equals(maxLatency, that.maxLatency);
    }

    @Override
    public int hashCode() {
        return Objects.hash(regex(contentPattern), maxLatency);
    }

    private static Pattern compile(String contentRegex) {
        if (contentRegex == null) {
            return null;
        }
        try {
            return Pattern.compile(contentRegex);
        } catch (PatternSyntaxException e) {
            throw new InvalidValueException("content-regex", "is not a valid regular expression: "
                    + e.getDescription() + " near index " + e.getIndex());
        }
    }

    private static String regex(Pattern pattern) {
        return pattern == null ? null : pattern.pattern();
    }
}
