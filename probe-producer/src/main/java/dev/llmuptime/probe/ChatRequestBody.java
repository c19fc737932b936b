package dev.llmuptime.probe;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmuptime.config.TargetConfig;

/**
 * The request of the OpenAI and Anthropic chat checks: one user message, a few output tokens.
 * Both APIs take this shape; they differ in how a stream is asked for.
 */
final class ChatRequestBody {

    private ChatRequestBody() {
    }

    /** OpenAI's chat completion; a stream also asks for the usage chunk. */
    static String of(ObjectMapper json, TargetConfig target, boolean stream) {
        ObjectNode body = message(json, target);
        if (stream) {
            body.put("stream", true);
            body.putObject("stream_options").put("include_usage", true);
        }
        return body.toString();
    }

    /** Anthropic's message, whose streams always report usage. */
    static String anthropic(ObjectMapper json, TargetConfig target, boolean stream) {
        ObjectNode body = message(json, target);
        if (stream) {
            body.put("stream", true);
        }
        return body.toString();
    }

    private static ObjectNode message(ObjectMapper json, TargetConfig target) {
        ObjectNode body = json.createObjectNode().put("model", target.model()).put("max_tokens", target.maxTokens())
                .put("temperature", 0);
        body.putArray("messages").addObject().put("role", "user").put("content", target.prompt());
        return body;
    }
}
