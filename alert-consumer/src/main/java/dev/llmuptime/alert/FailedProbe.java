package dev.llmuptime.alert;

import dev.llmuptime.schema.ProbeResult;
import java.time.Instant;

/**
 * A failed probe of an incident, as a provider's support needs it to find the request.
 *
 * @param requestId the provider's request id; null when the request got no answer (timeouts, refused connections)
 */
record FailedProbe(String probeId, Instant at, String region, String outcome, Integer httpStatus, String errorCode,
        String requestId) {

    static FailedProbe of(ProbeResult result) {
        return new FailedProbe(result.getProbeId(), result.getStartedAt(), result.getRegion(),
                result.getOutcome().name(), result.getHttpStatus(), result.getErrorCode(), result.getRequestId());
    }
}
