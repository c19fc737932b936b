package dev.llmuptime.probe;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmuptime.config.TargetConfig;
import dev.llmuptime.schema.Outcome;
import io.netty.handler.codec.http.HttpMethod;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code GET /models/{model}}: the control plane answers and knows the target's model, which a
 * 404 denies. Asking for the one model, not the list, also accepts the aliases Anthropic resolves
 * (a {@code -latest} name is never listed) and needs no paging. {@code nameField} is where the
 * answer names the model.
 */
record ModelInfoCheck(ObjectMapper json, String nameField) implements ProbeCheck {

    @Override
    public ProbeRequest request(TargetConfig target) {
        return new ProbeRequest(HttpMethod.GET, "/models/" + target.model(), null, "application/json");
    }

    @Override
    public Mono<Answer> read(TargetConfig target, Flux<byte[]> body, ProbeTrace trace) {
        return JsonBody.read(json, body, "model description", model -> model.path(nameField).asText("").isEmpty()
                ? Answer.failed(Outcome.INVALID_RESPONSE, "model description has no '" + nameField + "'")
                : Answer.ok(null, null, null));
    }
}
