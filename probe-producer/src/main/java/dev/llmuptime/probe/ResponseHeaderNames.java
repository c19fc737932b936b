package dev.llmuptime.probe;

import io.netty.handler.codec.http.HttpHeaders;
import java.util.List;

/**
 * Which response headers carry a provider's request id (the first present wins), its remaining
 * requests and tokens, and when its request limit resets; null where the provider sends none.
 */
record ResponseHeaderNames(List<String> requestId, String remainingRequests, String remainingTokens,
        String resetRequests) {

    void read(HttpHeaders headers, ProbeTrace trace) {
        trace.requestId = requestId.stream().map(headers::get).filter(value -> value != null && !value.isBlank())
                .findFirst().orElse(null);
        trace.rateLimitRemainingRequests = number(headers, remainingRequests);
        trace.rateLimitRemainingTokens = number(headers, remainingTokens);
    }

    private static Long number(HttpHeaders headers, String name) {
        String header = name == null ? null : headers.get(name);
        if (header == null) {
            return null;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
