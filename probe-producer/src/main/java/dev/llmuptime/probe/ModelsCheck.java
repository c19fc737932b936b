package dev.llmuptime.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmuptime.config.TargetConfig;
import dev.llmuptime.schema.Outcome;
import io.netty.handler.codec.http.HttpMethod;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@code GET /models}: the control plane answers and still lists the target's model. */
record ModelsCheck(ObjectMapper json) implements ProbeCheck {

    @Override
    public ProbeRequest request(TargetConfig target) {
        return new ProbeRequest(HttpMethod.GET, "/models", null, "application/json");
    }

    @Override
    public Mono<Answer> read(TargetConfig target, Flux<byte[]> body, ProbeTrace trace) {
        return JsonBody.read(json, body, "models list", root -> {
            JsonNode data = root.path("data");
            if (!data.isArray()) {
                return Answer.failed(Outcome.INVALID_RESPONSE, "models list has no 'data' array");
            }
            for (JsonNode model : data) {
                if (target.model().equals(model.path("id").asText())) {
                    return Answer.ok(null, null, null);
                }
            }
            return Answer.failed(Outcome.MODEL_UNAVAILABLE, "model " + target.model() + " is not among the "
                    + data.size() + " models listed");
        });
    }
}
