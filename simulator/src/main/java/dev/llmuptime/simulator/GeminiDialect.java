package dev.llmuptime.simulator;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Gemini's errors, Google's {@code {"error": {"code", "message", "status"}}}. Gemini sends no
 * request id or rate-limit headers; its answers carry a {@code responseId} instead.
 */
final class GeminiDialect implements Dialect {

    @Override
    public Map<String, String> headers(String id, long remainingRequests, long requestsPerMinute) {
        return Map.of();
    }

    @Override
    public Map<String, String> rateLimitHeaders() {
        return Map.of();
    }

    @Override
    public String error(int status, String model) {
        return switch (status) {
            case 400 -> invalidRequest("Request contains an invalid argument.");
            case 401 -> body(401, "UNAUTHENTICATED", "Request had invalid authentication credentials.");
            case 403 -> body(403, "PERMISSION_DENIED", "The caller does not have permission");
            case 404 -> modelNotFound(model);
            case 429 -> rateLimited(model);
            case 503 -> body(503, "UNAVAILABLE", "The model is overloaded. Please try again later.");
            case 504 -> body(504, "DEADLINE_EXCEEDED", "Deadline expired before operation could complete.");
            default -> status >= 500 ? body(status, "INTERNAL", "An internal error has occurred.")
                    : body(status, "FAILED_PRECONDITION", "Request failed with status " + status + ".");
        };
    }

    @Override
    public String rateLimited(String model) {
        return body(429, "RESOURCE_EXHAUSTED", "Resource has been exhausted (e.g. check quota).");
    }

    @Override
    public String modelNotFound(String model) {
        return body(404, "NOT_FOUND", "models/" + model + " is not found for API version v1beta, or is not "
                + "supported for generateContent. Call ListModels to see the list of available models and their "
                + "supported methods.");
    }

    @Override
    public String invalidRequest(String message) {
        return body(400, "INVALID_ARGUMENT", message);
    }

    String missingKey() {
        return body(403, "PERMISSION_DENIED", "Method doesn't allow unregistered callers (callers without "
                + "established identity). Please use API Key or other form of API consumer identity to call this API.");
    }

    private static String body(int code, String status, String message) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.putObject("error").put("code", code).put("message", message).put("status", status);
        return root.toString();
    }
}
