package dev.llmuptime.simulator;

import com.fasterxml.jackson.databind.JsonNode;

/** The parts of a chat request the simulator acts on, whichever provider's shape it came in. */
record ChatRequest(String model, boolean stream, boolean includeUsage, int maxTokens, int promptTokens) {

    /** Reads an OpenAI chat request; throws {@link IllegalArgumentException} naming what is wrong. */
    static ChatRequest from(JsonNode body) {
        String model = body.path("model").asText("");
        if (model.isEmpty()) {
            throw new IllegalArgumentException("you must provide a model parameter");
        }
        int promptTokens = promptTokens(body.path("messages"), "content");
        int maxTokens = body.path("max_completion_tokens").asInt(body.path("max_tokens").asInt(16));
        if (maxTokens < 1) {
            throw new IllegalArgumentException("max_tokens must be at least 1");
        }
        boolean stream = body.path("stream").asBoolean(false);
        boolean includeUsage = stream && body.path("stream_options").path("include_usage").asBoolean(false);
        return new ChatRequest(model, stream, includeUsage, maxTokens, promptTokens);
    }

    /** Reads an Anthropic Messages request, where {@code max_tokens} is required. */
    static ChatRequest fromAnthropic(JsonNode body) {
        if (!body.path("max_tokens").canConvertToInt()) {
            throw new IllegalArgumentException("max_tokens: Field required");
        }
        ChatRequest request = from(body);
        return new ChatRequest(request.model(), request.stream(), false, request.maxTokens(), request.promptTokens());
    }

    /** Reads a Gemini generateContent request; the model and whether it streams are in its URL. */
    static ChatRequest fromGemini(String model, boolean stream, JsonNode body) {
        JsonNode contents = body.path("contents");
        int promptTokens = 0;
        if (contents.isArray()) {
            for (JsonNode content : contents) {
                promptTokens += promptTokens(content.path("parts"), "text");
            }
        }
        if (promptTokens == 0) {
            throw new IllegalArgumentException("* GenerateContentRequest.contents: contents is not specified");
        }
        int maxTokens = body.path("generationConfig").path("maxOutputTokens").asInt(8192);
        if (maxTokens < 1) {
            throw new IllegalArgumentException("maxOutputTokens must be at least 1");
        }
        return new ChatRequest(model, stream, false, maxTokens, promptTokens);
    }

    /** About one token per word, plus a few for each message's framing. */
    private static int promptTokens(JsonNode messages, String textField) {
        if (!messages.isArray() || messages.isEmpty()) {
            throw new IllegalArgumentException("'messages' must be a non-empty array");
        }
        int tokens = 0;
        for (JsonNode message : messages) {
            tokens += 4 + message.path(textField).asText("").split("\\s+").length;
        }
        return tokens;
    }
}
