package dev.llmuptime.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmuptime.config.TargetConfig;
import dev.llmuptime.schema.Outcome;
import io.netty.handler.codec.http.HttpMethod;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A tiny non-streamed chat completion. */
record ChatCheck(ObjectMapper json) implements ProbeCheck {

    @Override
    public ProbeRequest request(TargetConfig target) {
        return new ProbeRequest(HttpMethod.POST, "/chat/completions", ChatRequestBody.of(json, target, false), "application/json");
    }

    @Override
    public Mono<Answer> read(TargetConfig target, Flux<byte[]> body, ProbeTrace trace) {
        return JsonBody.read(json, body, "answer", root -> {
            JsonNode choice = root.path("choices").path(0);
            if (choice.isMissingNode()) {
                return Answer.failed(Outcome.INVALID_RESPONSE, "answer has no choices");
            }
            String finishReason = choice.path("finish_reason").asText("none");
            if (finishReason.equals(ContentFilter.FINISH_REASON)) {
                return ContentFilter.stopped(choice.path("content_filter_results"));
            }
            String content = choice.path("message").path("content").asText("");
            if (content.isBlank()) {
                return Answer.failed(Outcome.CONTENT_MISMATCH, "empty answer (finish_reason " + finishReason + ")");
            }
            JsonNode tokens = root.path("usage").path("completion_tokens");
            return Answer.ok(content, tokens.isNumber() ? tokens.asInt() : null, null);
        });
    }
}
