package dev.llmuptime.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmuptime.config.TargetConfig;
import dev.llmuptime.schema.Outcome;
import io.netty.handler.codec.http.HttpMethod;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** One short embedding; the vector must not be empty. */
record EmbeddingsCheck(ObjectMapper json) implements ProbeCheck {

    @Override
    public ProbeRequest request(TargetConfig target) {
        return new ProbeRequest(HttpMethod.POST, "/embeddings", json.createObjectNode().put("model", target.model()).put("input", target.prompt()).toString(), "application/json");
    }

    @Override
    public Mono<Answer> read(TargetConfig target, Flux<byte[]> body, ProbeTrace trace) {
        return JsonBody.read(json, body, "answer", root -> {
            JsonNode vector = root.path("data").path(0).path("embedding");
            if (!vector.isArray() && !vector.isTextual()) {
                return Answer.failed(Outcome.INVALID_RESPONSE, "answer has no data[0].embedding");
            }
            if (vector.isEmpty() && !vector.isTextual() || vector.isTextual() && vector.asText().isEmpty()) {
                return Answer.failed(Outcome.CONTENT_MISMATCH, "empty embedding");
            }
            return Answer.ok(null, null, null);
        });
    }
}
