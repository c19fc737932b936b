package dev.llmuptime.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.llmuptime.schema.Outcome;

/**
 * What a streamed chat completion has shown so far. Time to first token is when the first non-empty
 * content delta arrives; tokens per second are measured after it. The stream must end with a finish
 * reason and {@code data: [DONE]}.
 */
final class ChatStreamReader implements SseAnswer.Reader {

    private final StreamedText text = new StreamedText();
    private Integer usageTokens;
    private String finishReason;
    private JsonNode filterResults = MissingNode.getInstance();
    private ProviderError error;

    @Override
    public void accept(JsonNode chunk) {
        if (error != null) {
            return;
        }
        if (chunk.path("error").isObject()) {
            error = ProviderError.of(chunk);
            return;
        }
        for (JsonNode choice : chunk.path("choices")) {
            text.append(choice.path("delta").path("content").asText(""));
            if (choice.hasNonNull("finish_reason")) {
                finishReason = choice.path("finish_reason").asText();
            }
            if (choice.has("content_filter_results")) {
                filterResults = choice.path("content_filter_results");
            }
        }
        JsonNode usage = chunk.path("usage").path("completion_tokens");
        if (usage.isNumber()) {
            usageTokens = usage.asInt();
        }
    }

    @Override
    public Answer answer(boolean done, ProbeTrace trace) {
        text.noteFirstToken(trace);
        if (error != null) {
            return text.interruptedBy(error);
        }
        if (!done) {
            return Answer.failed(Outcome.CONTENT_MISMATCH, "stream ended without data: [DONE] after "
                    + text.pieces() + " content events");
        }
        if (finishReason == null) {
            return Answer.failed(Outcome.CONTENT_MISMATCH, "stream ended without a finish reason");
        }
        if (finishReason.equals(ContentFilter.FINISH_REASON)) {
            return ContentFilter.stopped(filterResults);
        }
        if (text.isBlank()) {
            return Answer.failed(Outcome.CONTENT_MISMATCH, "empty answer (finish_reason " + finishReason + ")");
        }
        return text.answer(usageTokens);
    }
}
