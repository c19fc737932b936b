package dev.llmuptime.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmuptime.config.TargetConfig;
import dev.llmuptime.schema.Outcome;
import io.netty.handler.codec.http.HttpMethod;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A tiny streamed Anthropic message. The first text delta is the first token; {@code message_delta}
 * carries the stop reason and the output tokens; {@code message_stop} ends the stream, and a
 * stream without it was cut off. An {@code error} event is the provider failing mid-answer.
 */
record AnthropicStreamCheck(ObjectMapper json) implements ProbeCheck {

    @Override
    public ProbeRequest request(TargetConfig target) {
        return new ProbeRequest(HttpMethod.POST, "/messages", AnthropicRequestBody.of(json, target, true),
                "text/event-stream");
    }

    @Override
    public Mono<Answer> read(TargetConfig target, Flux<byte[]> body, ProbeTrace trace) {
        return SseLines.of(body, BoundedBody.MAX_BYTES)
                .reduceWith(() -> new StreamState(json), StreamState::accept)
                .map(state -> state.answer(trace));
    }

    /** What the stream has shown so far. Used by one subscriber, on one thread at a time. */
    private static final class StreamState {

        private final SseJsonEvents events;
        private final StreamedText text = new StreamedText();
        private Integer outputTokens;
        private String stopReason;
        private boolean stopped;
        private ProviderError error;

        StreamState(ObjectMapper json) {
            this.events = new SseJsonEvents(json);
        }

        StreamState accept(String line) {
            JsonNode event = events.data(line);
            if (event == null || stopped || error != null) {
                return this;
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
            return this;
        }

        Answer answer(ProbeTrace trace) {
            text.noteFirstToken(trace);
            Answer problem = events.problem();
            if (problem != null) {
                return problem;
            }
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
}
