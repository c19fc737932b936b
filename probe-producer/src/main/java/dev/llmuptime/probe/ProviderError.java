package dev.llmuptime.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The error a provider sent, with a non-2xx status or as an event in a stream. Understands
 * OpenAI's and Azure's {@code {"error": {"message", "type", "code"}}}, Anthropic's
 * {@code {"type": "error", "error": {"type", "message"}}}, Google's
 * {@code {"error": {"code": 429, "status", "message", "details": [{"reason"}]}}}, the flat
 * {@code {"message", "type", "code"}} of vLLM and others, and plain text.
 */
record ProviderError(String code, String type, String message) {

    static final ProviderError NONE = new ProviderError(null, null, null);

    static ProviderError parse(ObjectMapper json, byte[] body) {
        if (body.length == 0) {
            return NONE;
        }
        try {
            return of(json.readTree(body));
        } catch (IOException | RuntimeException e) {
            return new ProviderError(null, null, new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8));
        }
    }

    static ProviderError of(JsonNode root) {
        JsonNode error = root.path("error").isObject() ? root.path("error") : root;
        String message = text(error.path("message"));
        if (message == null && root.path("error").isTextual()) {
            message = root.path("error").asText();
        }
        String status = text(error.path("status"));
        if (status != null) {
            // Google's code is the HTTP status again; its status and the reason in its details say more.
            String reason = error.path("details").findValuesAsText("reason").stream().findFirst().orElse(null);
            return new ProviderError(reason != null ? reason : status, status, message);
        }
        return new ProviderError(text(error.path("code")), text(error.path("type")), message);
    }

    /** The code to report: the provider's code, else its error type. */
    String reportedCode() {
        return code != null ? code : type;
    }

    boolean is(String value) {
        return value.equals(code) || value.equals(type);
    }

    boolean isAny(String... values) {
        for (String value : values) {
            if (is(value)) {
                return true;
            }
        }
        return false;
    }

    boolean mentionsMissingModel() {
        String text = lowerCaseMessage();
        return is("model_not_found") || text.contains("model") && (text.contains("not found")
                || text.contains("does not exist") || text.contains("not exist"));
    }

    boolean mentionsModel() {
        return lowerCaseMessage().contains("model");
    }

    private String lowerCaseMessage() {
        return message == null ? "" : message.toLowerCase(Locale.ROOT);
    }

    private static String text(JsonNode node) {
        return node.isMissingNode() || node.isNull() || node.isContainerNode() ? null : node.asText();
    }
}
