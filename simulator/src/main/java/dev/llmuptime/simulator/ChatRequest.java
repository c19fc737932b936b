package dev.llmuptime.simulator;

import com.fasterxml.jackson.databind.JsonNode;

/** The parts of a chat completion request the simulator acts on. */
record ChatRequest(String model, boolean stream, boolean includeUsage, int maxTokens, int promptTokens) {

    /** Reads an OpenAI chat request; throws {@link IllegalArgumentException} naming what is wrong. */
    static ChatRequest from(JsonNode body) {
        String model = body.path("model").asText("");
        if (model.isEmpty()) {
            throw new IllegalArgumentException("you must provide a model parameter");
        }
        JsonNode messages = body.path("messages");
        if (!messages.isArray() || messages.isEmpty()) {
            throw new IllegalArgumentException("'messages' must be a non-empty array");
        }
        int promptTokens = 0;
        for (JsonNode message : messages) {
            promptTokens += 4 + message.path("content").asText("").split("\\s+").length;
        }
        int maxTokens = body.path("max_completion_tokens").asInt(body.path("max_tokens").asInt(16));
        if (maxTokens < 1) {
            throw new IllegalArgumentException("max_tokens must be at least 1");
        }
        boolean stream = body.path("stream").asBoolean(false);
        boolean includeUsage = stream && body.path("stream_options").path("include_usage").asBoolean(false);
        return new ChatRequest(model, stream, includeUsage, maxTokens, promptTokens);
    }
}
