package dev.llmuptime.probe;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmuptime.config.TargetConfig;

/** The Messages API request of the Anthropic chat checks: one user message, a few output tokens. */
final class AnthropicRequestBody {

    private AnthropicRequestBody() {
    }

    static String of(ObjectMapper json, TargetConfig target, boolean stream) {
        ObjectNode body = json.createObjectNode().put("model", target.model()).put("max_tokens", target.maxTokens())
                .put("temperature", 0);
        body.putArray("messages").addObject().put("role", "user").put("content", target.prompt());
        if (stream) {
            body.put("stream", true);
        }
        return body.toString();
    }
}
