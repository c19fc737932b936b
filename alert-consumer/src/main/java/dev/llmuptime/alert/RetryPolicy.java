package dev.llmuptime.alert;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.random.RandomGenerator;

/**
 * The one place that decides what a webhook's answer means, and how long to wait before trying
 * again: 2xx is delivered; network errors, 408, 429 and 5xx are retried with exponential backoff
 * and full jitter (1 s doubling, capped at 60 s), or after the receiver's {@code Retry-After};
 * every other status is permanent.
 */
final class RetryPolicy {

    static final Duration BASE = Duration.ofSeconds(1);
    static final Duration CAP = Duration.ofSeconds(60);

    private final RandomGenerator random;

    RetryPolicy(RandomGenerator random) {
        this.random = random;
    }

    static Attempt classify(int status, String retryAfterHeader, String body, Instant now) {
        if (status >= 200 && status < 300) {
            return Attempt.delivered(status);
        }
        String reason = "HTTP " + status + (body == null || body.isBlank() ? "" : ": " + shorten(body));
        if (status == 408 || status == 429 || status >= 500) {
            return Attempt.retry(reason, retryAfter(retryAfterHeader, now));
        }
        return Attempt.permanent(reason);
    }

    static Attempt networkError(Throwable failure) {
        return Attempt.retry(failure.getClass().getSimpleName()
                + (failure.getMessage() == null ? "" : ": " + failure.getMessage()), null);
    }

    /** The wait before retry number {@code retry} (1 for the first): the receiver's wish, else full jitter. */
    Duration delay(int retry, Attempt attempt) {
        if (attempt.retryAfter() != null) {
            return attempt.retryAfter();
        }
        long ceiling = Math.min(CAP.toMillis(), BASE.toMillis() << Math.min(retry - 1, 20));
        return Duration.ofMillis(random.nextLong(ceiling + 1));
    }

    /** {@code Retry-After} in seconds or as an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim())));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(now, ZonedDateTime.parse(header.trim(),
                        DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    private static String shorten(String body) {
        String oneLine = body.replaceAll("\\s+", " ").trim();
        return oneLine.length() > 200 ? oneLine.substring(0, 199) + "…" : oneLine;
    }
}
