package dev.llmuptime.simulator;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Error bodies shaped as OpenAI sends them: {@code {"error": {"message", "type", "param", "code"}}}. */
final class OpenAiErrors {

    private OpenAiErrors() {
    }

    /** The error OpenAI answers with for {@code status}, for a request about {@code model}. */
    static ObjectNode forStatus(int status, String model) {
        return switch (status) {
            case 400 -> body("Invalid request.", "invalid_request_error", null);
            case 401 -> body("Incorrect API key provided. You can find your API key at "
                    + "https://platform.openai.com/account/api-keys.", "invalid_request_error", "invalid_api_key");
            case 403 -> body("Country, region, or territory not supported", "request_forbidden",
                    "unsupported_country_region_territory");
            case 404 -> modelNotFound(model);
            case 429 -> body("You exceeded your current quota, please check your plan and billing details.",
                    "insufficient_quota", "insufficient_quota");
            case 503 -> body("The engine is currently overloaded, please try again later.", "server_error", null);
            case 529 -> body("Overloaded", "overloaded_error", null);
            default -> status >= 500
                    ? body("The server had an error while processing your request. Sorry about that!", "server_error", null)
                    : body("Request failed with status " + status + ".", "invalid_request_error", null);
        };
    }

    static ObjectNode modelNotFound(String model) {
        return body("The model `" + model + "` does not exist or you do not have access to it.",
                "invalid_request_error", "model_not_found");
    }

    static ObjectNode rateLimited(String model) {
        return body("Rate limit reached for " + model + " on requests per min (RPM): Limit 500, Used 500, "
                + "Requested 1. Please try again in 1s.", "requests", "rate_limit_exceeded");
    }

    static ObjectNode invalidRequest(String message) {
        return body(message, "invalid_request_error", null);
    }

    private static ObjectNode body(String message, String type, String code) {
        ObjectNode error = JsonNodeFactory.instance.objectNode();
        error.put("message", message).put("type", type).putNull("param");
        if (code == null) {
            error.putNull("code");
        } else {
            error.put("code", code);
        }
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.set("error", error);
        return root;
    }
}
