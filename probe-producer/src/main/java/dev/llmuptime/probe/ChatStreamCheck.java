package dev.llmuptime.probe;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmuptime.config.TargetConfig;
import io.netty.handler.codec.http.HttpMethod;

/** A tiny streamed chat completion, read as its server-sent events arrive by a {@link ChatStreamReader}. */
record ChatStreamCheck(ObjectMapper json) implements StreamCheck {

    @Override
    public ProbeRequest request(TargetConfig target) {
        return new ProbeRequest(HttpMethod.POST, "/chat/completions", ChatRequestBody.of(json, target, true), "text/event-stream");
    }

    @Override
    public SseAnswer.Reader newReader() {
        return new ChatStreamReader();
    }
}
