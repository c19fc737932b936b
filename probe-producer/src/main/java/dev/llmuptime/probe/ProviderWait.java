package dev.llmuptime.probe;

import dev.llmuptime.schema.BackoffReasons;
import io.netty.handler.codec.http.HttpHeaders;
import java.time.Instant;

/**
 * How long the provider asks the monitor to wait before probing again: a {@code Retry-After} on
 * a 429 or 503, or the reset of a request limit with none remaining. Null when it asks nothing.
 */
record ProviderWait(String reason, Instant until) {

    static ProviderWait read(int status, HttpHeaders headers, ResponseHeaderNames names, Long remainingRequests,
            Instant now) {
        if (status == 429 || status == 503) {
            Instant retryAt = RetryAfter.parse(headers.get("retry-after"), now).orElse(null);
            if (retryAt != null) {
                return new ProviderWait(BackoffReasons.RETRY_AFTER, retryAt);
            }
        }
        if (remainingRequests != null && remainingRequests == 0 && names.resetRequests() != null) {
            Instant resetAt = RateLimitReset.parse(headers.get(names.resetRequests()), now).orElse(null);
            if (resetAt != null) {
                return new ProviderWait(BackoffReasons.RATE_LIMIT_RESET, resetAt);
            }
        }
        return null;
    }
}
