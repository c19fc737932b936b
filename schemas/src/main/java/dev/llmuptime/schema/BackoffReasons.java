package dev.llmuptime.schema;

/**
 * Why a target's next probe waits longer than its cadence, as {@code ProbeResult.backoffReason}
 * says. A string rather than an enum, so a reason added later is still read by older consumers.
 */
public final class BackoffReasons {

    /** The provider answered with a {@code Retry-After} header. */
    public static final String RETRY_AFTER = "retry-after";
    /** The rate-limit headers said no request remains until their reset. */
    public static final String RATE_LIMIT_RESET = "rate-limit-reset";
    /** The monitor's own side keeps failing (bad key, bad request, no quota): the breaker is open. */
    public static final String BREAKER = "breaker";

    private BackoffReasons() {
    }
}
