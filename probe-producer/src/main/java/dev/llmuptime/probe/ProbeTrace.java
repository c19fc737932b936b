package dev.llmuptime.probe;

/**
 * What one probe observed while it ran: phase timings and response metadata. It travels in the
 * Reactor context, so connection-level hooks ({@link PhaseRecorder}) can fill in connect and TLS
 * times; everything left null was not observed (a reused connection has no connect phase).
 */
final class ProbeTrace {

    final long startNanos;
    volatile Long connectNanos;
    volatile Long tlsNanos;
    volatile Long ttfbNanos;
    volatile Long ttftNanos;
    volatile Integer httpStatus;
    volatile String requestId;
    volatile Long rateLimitRemainingRequests;
    volatile Long rateLimitRemainingTokens;
    volatile ProviderWait providerWait;

    ProbeTrace(long startNanos) {
        this.startNanos = startNanos;
    }

    static Long millis(Long nanos) {
        return nanos == null ? null : nanos / 1_000_000;
    }
}
