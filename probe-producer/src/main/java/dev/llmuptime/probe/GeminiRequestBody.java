package dev.llmuptime.probe;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmuptime.config.TargetConfig;

/** The generateContent request of the Gemini chat checks: one user turn, a few output tokens. */
final class GeminiRequestBody {

    private GeminiRequestBody() {
    }

    static String of(ObjectMapper json, TargetConfig target) {
        ObjectNode body = json.createObjectNode();
        body.putArray("contents").addObject().put("role", "user").putArray("parts").addObject()
                .put("text", target.prompt());
        body.putObject("generationConfig").put("maxOutputTokens", target.maxTokens()).put("temperature", 0);
        return body.toString();
    }
}
