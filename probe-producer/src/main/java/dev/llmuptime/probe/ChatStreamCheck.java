package dev.llmuptime.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmuptime.config.TargetConfig;
import dev.llmuptime.schema.Outcome;
import io.netty.handler.codec.http.HttpMethod;
import java.io.IOException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A tiny streamed chat completion, read as its server-sent events arrive. Time to first token is
 * when the first non-empty content delta arrives; tokens per second are measured after it. The
 * stream must end with a finish reason and {@code data: [DONE]}.
 */
record ChatStreamCheck(ObjectMapper json) implements ProbeCheck {

    @Override
    public ProbeRequest request(TargetConfig target) {
        return new ProbeRequest(HttpMethod.POST, "/chat/completions", ChatRequestBody.of(json, target, true), "text/event-stream");
    }

    @Override
    public Mono<Answer> read(TargetConfig target, Flux<byte[]> body, ProbeTrace trace) {
        return SseLines.of(body, BoundedBody.MAX_BYTES)
                .reduceWith(() -> new StreamState(json), StreamState::accept)
                .map(state -> state.answer(trace));
    }

    /** What the stream has shown so far. Used by one subscriber, on one thread at a time. */
    private static final class StreamState {

        private final ObjectMapper json;
        private final StringBuilder content = new StringBuilder();
        private int contentEvents;
        private long firstTokenNanos;
        private long lastTokenNanos;
        private Integer usageTokens;
        private String finishReason;
        private boolean done;
        private int events;
        private int foreignLines;
        private String malformed;

        StreamState(ObjectMapper json) {
            this.json = json;
        }

        StreamState accept(String line) {
            if (!line.startsWith("data:")) {
                // Blank lines end events; comments, event, id and retry fields carry nothing a probe needs.
                if (!(line.isEmpty() || line.startsWith(":") || line.startsWith("event:") || line.startsWith("id:")
                        || line.startsWith("retry:"))) {
                    foreignLines++;
                }
                return this;
            }
            String data = line.substring(5).trim();
            events++;
            if (data.equals("[DONE]")) {
                done = true;
                return this;
            }
            if (done || malformed != null) {
                return this;
            }
            JsonNode chunk;
            try {
                chunk = json.readTree(data);
            } catch (IOException e) {
                malformed = data.length() > 40 ? data.substring(0, 40) + "…" : data;
                return this;
            }
            for (JsonNode choice : chunk.path("choices")) {
                String delta = choice.path("delta").path("content").asText("");
                if (!delta.isEmpty()) {
                    long now = System.nanoTime();
                    if (contentEvents == 0) {
                        firstTokenNanos = now;
                    }
                    lastTokenNanos = now;
                    contentEvents++;
                    content.append(delta);
                }
                if (choice.hasNonNull("finish_reason")) {
                    finishReason = choice.path("finish_reason").asText();
                }
            }
            JsonNode usage = chunk.path("usage").path("completion_tokens");
            if (usage.isNumber()) {
                usageTokens = usage.asInt();
            }
            return this;
        }

        Answer answer(ProbeTrace trace) {
            if (contentEvents > 0) {
                trace.ttftNanos = firstTokenNanos - trace.startNanos;
            }
            if (malformed != null) {
                return Answer.failed(Outcome.INVALID_RESPONSE, "malformed SSE event: " + malformed);
            }
            if (events == 0 && foreignLines > 0) {
                return Answer.failed(Outcome.INVALID_RESPONSE, "answer is not a server-sent event stream");
            }
            if (!done) {
                return Answer.failed(Outcome.CONTENT_MISMATCH, "stream ended without data: [DONE] after "
                        + contentEvents + " content events");
            }
            if (finishReason == null) {
                return Answer.failed(Outcome.CONTENT_MISMATCH, "stream ended without a finish reason");
            }
            if (content.toString().isBlank()) {
                return Answer.failed(Outcome.CONTENT_MISMATCH, "empty answer (finish_reason " + finishReason + ")");
            }
            int tokens = usageTokens != null ? usageTokens : contentEvents;
            return Answer.ok(content.toString(), tokens, tokensPerSecond(tokens));
        }

        private Double tokensPerSecond(int tokens) {
            long generating = lastTokenNanos - firstTokenNanos;
            if (tokens < 2 || generating <= 0) {
                return null;
            }
            return (tokens - 1) / (generating / 1e9);
        }
    }
}
