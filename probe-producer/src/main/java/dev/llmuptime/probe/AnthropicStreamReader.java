package dev.llmuptime.probe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmuptime.schema.Outcome;

/**
 * What a streamed Anthropic message has shown so far. The first text delta is the first token;
 * {@code message_delta} carries the stop reason and the output tokens; {@code message_stop} ends the
 * stream, and a stream without it was cut off. An {@code error} event is the provider failing mid-answer.
 */
final class AnthropicStreamReader implements SseAnswer.Reader {

    private final StreamedText text = new StreamedText();
    private Integer outputTokens;
    private String stopReason;
    private boolean stopped;
    private ProviderError error;

    @Override
    public void accept(JsonNode event) {
        if (stopped || error != null) {
            return;
        }
        switch (event.path("type").asText()) {
            case "content_block_delta" -> {
                JsonNode delta = event.path("delta");
                if ("text_delta".equals(delta.path("type").asText())) {
                    text.append(delta.path("text").asText(""));
                }
            }
            case "message_delta" -> {
                if (event.path("delta").hasNonNull("stop_reason")) {
                    stopReason = event.path("delta").path("stop_reason").asText();
                }
                JsonNode tokens = event.path("usage").path("output_tokens");
                if (tokens.isNumber()) {
                    outputTokens = tokens.asInt();
                }
            }
            case "message_stop" -> stopped = true;
            case "error" -> error = ProviderError.of(event);
            // message_start, content_block_start and _stop, ping: nothing a probe measures.
            default -> { }
        }
    }

    @Override
    public Answer answer(boolean done, ProbeTrace trace) {
        text.noteFirstToken(trace);
        if (error != null) {
            return text.interruptedBy(error);
        }
        if (!stopped) {
            return Answer.failed(Outcome.CONTENT_MISMATCH, "stream ended without message_stop after "
                    + text.pieces() + " content events");
        }
        if (stopReason == null) {
            return Answer.failed(Outcome.CONTENT_MISMATCH, "stream ended without a stop reason");
        }
        Answer mismatch = AnthropicStop.mismatch(stopReason, text.text());
        return mismatch != null ? mismatch : text.answer(outputTokens);
    }
}
