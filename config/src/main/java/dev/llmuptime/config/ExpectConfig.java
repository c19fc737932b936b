package dev.llmuptime.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What a correct answer looks like: content matching {@code content-regex} (else
 * CONTENT_MISMATCH), within {@code max-latency} (else SLOW). Both optional.
 */
public record ExpectConfig(
        @JsonProperty("content-regex") String contentRegex,
        @JsonProperty("max-latency") Duration maxLatency) {

    public static final ExpectConfig NONE = new ExpectConfig(null, null);

    public ExpectConfig {
        if (contentRegex != null) {
            try {
                Pattern.compile(contentRegex);
            } catch (PatternSyntaxException e) {
                throw new InvalidValueException("content-regex", "is not a valid regular expression: "
                        + e.getDescription() + " near index " + e.getIndex());
            }
        }
        if (maxLatency != null) {
            Check.positive("max-latency", maxLatency, maxLatency);
        }
    }

    /** The compiled content expectation, or null when any content is accepted. */
    public Pattern contentPattern() {
        return contentRegex == null ? null : Pattern.compile(contentRegex);
    }
}
