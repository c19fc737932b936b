package dev.llmuptime.simulator;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Azure OpenAI's headers ({@code apim-request-id}, {@code x-ratelimit-*}) and its errors,
 * {@code {"error": {"code", "message"}}} with codes such as {@code DeploymentNotFound} or {@code 429}.
 */
final class AzureDialect implements Dialect {

    static final String DEFAULT_API_VERSION = "2024-10-21";

    @Override
    public Map<String, String> headers(String id, long remainingRequests, long requestsPerMinute) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("apim-request-id", UUID.nameUUIDFromBytes(id.getBytes()).toString());
        headers.put("x-ratelimit-remaining-requests", String.valueOf(remainingRequests));
        headers.put("x-ratelimit-remaining-tokens", "1999000");
        headers.put("x-ms-region", "Sim Region");
        return headers;
    }

    @Override
    public Map<String, String> rateLimitHeaders() {
        return OpenAiDialect.RATE_LIMIT_HEADERS;
    }

    @Override
    public String error(int status, String model) {
        return switch (status) {
            case 400 -> body("BadRequest", "Invalid request.");
            case 401 -> unauthorized();
            case 403 -> body("403", "Access denied: the resource does not allow this network or identity.");
            case 404 -> modelNotFound(model);
            case 429 -> rateLimited(model);
            case 503 -> body("ServiceUnavailable", "The service is temporarily unable to process your request.");
            default -> status >= 500
                    ? body("InternalServerError", "The server had an error while processing your request.")
                    : body(String.valueOf(status), "Request failed with status " + status + ".");
        };
    }

    @Override
    public String rateLimited(String model) {
        return body("429", "Requests to the ChatCompletions_Create Operation under Azure OpenAI API version "
                + DEFAULT_API_VERSION + " have exceeded call rate limit of your current OpenAI S0 pricing tier. "
                + "Please retry after 1 second.");
    }

    @Override
    public String modelNotFound(String model) {
        return body("DeploymentNotFound", "The API deployment for this resource does not exist. If you created the "
                + "deployment within the last 5 minutes, please wait a moment and try again.");
    }

    @Override
    public String invalidRequest(String message) {
        return body("BadRequest", message);
    }

    String unauthorized() {
        return body("401", "Access denied due to invalid subscription key or wrong API endpoint. Make sure to "
                + "provide a valid key for an active subscription and use a correct regional API endpoint for your "
                + "resource.");
    }

    String resourceNotFound() {
        return body("404", "Resource not found");
    }

    private static String body(String code, String message) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.putObject("error").put("code", code).put("message", message);
        return root.toString();
    }
}
