package dev.llmuptime.probe;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmuptime.config.TargetConfig;
import io.netty.handler.codec.http.HttpMethod;

/** A tiny streamed Gemini {@code streamGenerateContent?alt=sse}, read by a {@link GeminiStreamReader}. */
record GeminiStreamCheck(ObjectMapper json) implements StreamCheck {

    @Override
    public ProbeRequest request(TargetConfig target) {
        return new ProbeRequest(HttpMethod.POST, "/models/" + target.model() + ":streamGenerateContent?alt=sse",
                GeminiRequestBody.of(json, target), "text/event-stream");
    }

    @Override
    public SseAnswer.Reader newReader() {
        return new GeminiStreamReader();
    }
}
