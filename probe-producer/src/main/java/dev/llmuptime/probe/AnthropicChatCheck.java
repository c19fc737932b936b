package dev.llmuptime.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmuptime.config.TargetConfig;
import dev.llmuptime.schema.Outcome;
import io.netty.handler.codec.http.HttpMethod;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A tiny non-streamed Anthropic message: the text blocks of its {@code content} are the answer. */
record AnthropicChatCheck(ObjectMapper json) implements ProbeCheck {

    @Override
    public ProbeRequest request(TargetConfig target) {
        return new ProbeRequest(HttpMethod.POST, "/messages", ChatRequestBody.anthropic(json, target, false),
                "application/json");
    }

    @Override
    public Mono<Answer> read(TargetConfig target, Flux<byte[]> body, ProbeTrace trace) {
        return JsonBody.read(json, body, "answer", root -> {
            JsonNode content = root.path("content");
            if (!content.isArray()) {
                return Answer.failed(Outcome.INVALID_RESPONSE, "answer has no content");
            }
            StringBuilder text = new StringBuilder();
            for (JsonNode block : content) {
                if ("text".equals(block.path("type").asText())) {
                    text.append(block.path("text").asText(""));
                }
            }
            Answer mismatch = AnthropicStop.mismatch(root.path("stop_reason").asText("none"), text.toString());
            if (mismatch != null) {
                return mismatch;
            }
            JsonNode tokens = root.path("usage").path("output_tokens");
            return Answer.ok(text.toString(), tokens.isNumber() ? tokens.asInt() : null, null);
        });
    }
}
