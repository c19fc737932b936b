package dev.llmuptime.probe;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmuptime.config.TargetConfig;

/** The chat completion request of the chat checks: one user message, a few output tokens. */
final class ChatRequestBody {

    private ChatRequestBody() {
    }

    static String of(ObjectMapper json, TargetConfig target, boolean stream) {
        ObjectNode body = json.createObjectNode().put("model", target.model()).put("max_tokens", target.maxTokens())
                .put("temperature", 0);
        body.putArray("messages").addObject().put("role", "user").put("content", target.prompt());
        if (stream) {
            body.put("stream", true);
            body.putObject("stream_options").put("include_usage", true);
        }
        return body.toString();
    }
}
