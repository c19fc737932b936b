package dev.llmuptime.alert;

import java.time.Duration;

/**
 * What one delivery attempt came to: delivered, worth retrying (with the receiver's
 * {@code Retry-After}, if it sent one), or failed for good; with a reason for logs and the DLQ.
 */
record Attempt(Result result, String reason, Duration retryAfter) {

    enum Result { DELIVERED, RETRY, PERMANENT }

    static Attempt delivered(int status) {
        return new Attempt(Result.DELIVERED, "HTTP " + status, null);
    }

    static Attempt retry(String reason, Duration retryAfter) {
        return new Attempt(Result.RETRY, reason, retryAfter);
    }

    static Attempt permanent(String reason) {
        return new Attempt(Result.PERMANENT, reason, null);
    }
}
