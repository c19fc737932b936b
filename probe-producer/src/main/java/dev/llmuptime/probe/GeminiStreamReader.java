package dev.llmuptime.probe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmuptime.schema.Outcome;

/**
 * What a streamed Gemini answer has shown so far. Every event is a partial answer; there is no
 * terminator event, so the finish reason of the last one is what says the stream was not cut off.
 * An event carrying an {@code error} is the provider failing mid-answer.
 */
final class GeminiStreamReader implements SseAnswer.Reader {

    private final StreamedText text = new StreamedText();
    private Integer outputTokens;
    private String finishReason;
    private String blockReason;
    private String responseId;
    private ProviderError error;

    @Override
    public void accept(JsonNode event) {
        if (error != null) {
            return;
        }
        if (event.path("error").isObject()) {
            error = ProviderError.of(event);
            return;
        }
        GeminiChunk chunk = GeminiChunk.of(event);
        text.append(chunk.text());
        finishReason = chunk.finishReason() != null ? chunk.finishReason() : finishReason;
        outputTokens = chunk.outputTokens() != null ? chunk.outputTokens() : outputTokens;
        blockReason = chunk.blockReason() != null ? chunk.blockReason() : blockReason;
        responseId = chunk.responseId() != null ? chunk.responseId() : responseId;
    }

    @Override
    public Answer answer(boolean done, ProbeTrace trace) {
        text.noteFirstToken(trace);
        GeminiChunk.noteResponseId(responseId, trace);
        if (error != null) {
            return text.interruptedBy(error);
        }
        if (finishReason == null && blockReason == null) {
            return Answer.failed(Outcome.CONTENT_MISMATCH, "stream ended without a finishReason after "
                    + text.pieces() + " content events");
        }
        Answer mismatch = GeminiChunk.mismatch(blockReason, finishReason, text.text());
        return mismatch != null ? mismatch : text.answer(outputTokens);
    }
}
