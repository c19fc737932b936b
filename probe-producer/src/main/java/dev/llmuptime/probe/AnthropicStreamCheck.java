package dev.llmuptime.probe;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmuptime.config.TargetConfig;
import io.netty.handler.codec.http.HttpMethod;

/** A tiny streamed Anthropic message, read by an {@link AnthropicStreamReader}. */
record AnthropicStreamCheck(ObjectMapper json) implements StreamCheck {

    @Override
    public ProbeRequest request(TargetConfig target) {
        return new ProbeRequest(HttpMethod.POST, "/messages", ChatRequestBody.anthropic(json, target, true),
                "text/event-stream");
    }

    @Override
    public SseAnswer.Reader newReader() {
        return new AnthropicStreamReader();
    }
}
