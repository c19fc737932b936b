package dev.llmuptime.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The error a provider sent with a non-2xx status. Understands OpenAI's
 * {@code {"error": {"message", "type", "code"}}}, the flat {@code {"message", "type", "code"}} of
 * vLLM and others, and plain text.
 */
record ProviderError(String code, String type, String message) {

    static final ProviderError NONE = new ProviderError(null, null, null);

    static ProviderError parse(ObjectMapper json, byte[] body) {
        if (body.length == 0) {
            return NONE;
        }
        try {
            JsonNode root = json.readTree(body);
            JsonNode error = root.path("error").isObject() ? root.path("error") : root;
            String message = text(error.path("message"));
            if (message == null && root.path("error").isTextual()) {
                message = root.path("error").asText();
            }
            return new ProviderError(text(error.path("code")), text(error.path("type")), message);
        } catch (IOException | RuntimeException e) {
            return new ProviderError(null, null, new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8));
        }
    }

    /** The code to report: the provider's code, else its error type. */
    String reportedCode() {
        return code != null ? code : type;
    }

    boolean is(String value) {
        return value.equals(code) || value.equals(type);
    }

    boolean mentionsMissingModel() {
        String text = message == null ? "" : message.toLowerCase(Locale.ROOT);
        return is("model_not_found") || text.contains("model") && (text.contains("not found")
                || text.contains("does not exist") || text.contains("not exist"));
    }

    private static String text(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.asText();
    }
}
