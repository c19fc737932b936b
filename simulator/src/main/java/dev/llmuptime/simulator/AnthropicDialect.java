package dev.llmuptime.simulator;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Anthropic's headers ({@code request-id}, {@code anthropic-ratelimit-*}) and errors,
 * {@code {"type": "error", "error": {"type", "message"}}}; mid-stream, an {@code event: error}.
 */
final class AnthropicDialect implements Dialect {

    @Override
    public Map<String, String> headers(String id, long remainingRequests, long requestsPerMinute) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("request-id", "req_" + id);
        headers.put("anthropic-ratelimit-requests-limit", String.valueOf(requestsPerMinute));
        headers.put("anthropic-ratelimit-requests-remaining", String.valueOf(remainingRequests));
        headers.put("anthropic-ratelimit-tokens-limit", "400000");
        headers.put("anthropic-ratelimit-tokens-remaining", "399000");
        return headers;
    }

    @Override
    public Map<String, String> rateLimitHeaders() {
        return Map.of("retry-after", "1", "anthropic-ratelimit-requests-remaining", "0");
    }

    @Override
    public String error(int status, String model) {
        return switch (status) {
            case 400 -> invalidRequest("Invalid request.");
            case 401 -> body("authentication_error", "invalid x-api-key");
            case 402 -> body("billing_error", "Your credit balance is too low to access the Anthropic API.");
            case 403 -> body("permission_error", "Your API key does not have permission to use the specified resource.");
            case 404 -> modelNotFound(model);
            case 413 -> body("request_too_large", "Request exceeds the maximum allowed number of bytes.");
            case 429 -> rateLimited(model);
            case 504 -> body("timeout_error", "Request timed out.");
            case 529 -> body("overloaded_error", "Overloaded");
            default -> status >= 500 ? body("api_error", "Internal server error")
                    : invalidRequest("Request failed with status " + status + ".");
        };
    }

    @Override
    public String rateLimited(String model) {
        return body("rate_limit_error", "This request would exceed the rate limit for your organization of 50 "
                + "requests per minute. For details, refer to: https://docs.anthropic.com/en/api/rate-limits.");
    }

    @Override
    public String modelNotFound(String model) {
        return body("not_found_error", "model: " + model);
    }

    @Override
    public String invalidRequest(String message) {
        return body("invalid_request_error", message);
    }

    @Override
    public String streamError(int status, String model) {
        return "event: error\ndata: " + error(status, model) + "\n\n";
    }

    String missingKey() {
        return body("authentication_error", "x-api-key header is required");
    }

    private static String body(String type, String message) {
        ObjectNode root = JsonNodeFactory.instance.objectNode().put("type", "error");
        root.putObject("error").put("type", type).put("message", message);
        return root.toString();
    }
}
