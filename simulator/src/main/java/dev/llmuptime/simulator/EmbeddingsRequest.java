package dev.llmuptime.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** An OpenAI embeddings request: a model and one or more inputs. */
record EmbeddingsRequest(String model, List<String> inputs) {

    /** Reads the request; throws {@link IllegalArgumentException} naming what is missing. */
    static EmbeddingsRequest from(JsonNode body) {
        String model = body.path("model").asText("");
        List<String> inputs = new ArrayList<>();
        JsonNode input = body.path("input");
        if (input.isTextual()) {
            inputs.add(input.asText());
        } else if (input.isArray()) {
            input.forEach(item -> inputs.add(item.asText()));
        }
        if (model.isEmpty() || inputs.isEmpty()) {
            throw new IllegalArgumentException("'model' and a non-empty 'input' are required");
        }
        return new EmbeddingsRequest(model, inputs);
    }
}
