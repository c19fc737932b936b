package dev.llmuptime.probe;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The instant a rate-limit reset header names: a duration like OpenAI's {@code 6m0s}, {@code 1s}
 * or {@code 20ms}, or an RFC 3339 date like Anthropic's.
 */
final class RateLimitReset {

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(h|ms|m|s)");
    private static final Pattern DURATION = Pattern.compile("(?:\\d+(?:\\.\\d+)?(?:h|ms|m|s))+");

    private RateLimitReset() {
    }

    /** Empty when {@code header} is missing or neither form. */
    static Optional<Instant> parse(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.trim();
        if (DURATION.matcher(value).matches()) {
            return Optional.of(now.plus(duration(value)));
        }
        try {
            return Optional.of(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Duration duration(String value) {
        double millis = 0;
        Matcher part = PART.matcher(value);
        while (part.find()) {
            double amount = Double.parseDouble(part.group(1));
            millis += switch (part.group(2)) {
                case "h" -> amount * 3_600_000;
                case "m" -> amount * 60_000;
                case "s" -> amount * 1_000;
                default -> amount;
            };
        }
        return Duration.ofMillis((long) Math.ceil(millis));
    }
}
