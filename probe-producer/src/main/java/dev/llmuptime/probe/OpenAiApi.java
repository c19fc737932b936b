package dev.llmuptime.probe;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmuptime.config.CheckType;
import dev.llmuptime.config.Secret;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.List;

/** OpenAI's API, and every server that copies it (vLLM, Ollama, Groq, ...): a bearer key. */
record OpenAiApi(ObjectMapper json) implements ProviderApi {

    private static final ResponseHeaderNames HEADERS = new ResponseHeaderNames(List.of("x-request-id", "request-id"),
            "x-ratelimit-remaining-requests", "x-ratelimit-remaining-tokens", "x-ratelimit-reset-requests");

    @Override
    public ProbeCheck check(CheckType type) {
        return switch (type) {
            case MODELS -> new ModelsCheck(json);
            case CHAT -> new ChatCheck(json);
            case CHAT_STREAM -> new ChatStreamCheck(json);
            case EMBEDDINGS -> new EmbeddingsCheck(json);
        };
    }

    @Override
    public void authenticate(Secret apiKey, HttpHeaders headers) {
        if (apiKey.isPresent()) {
            headers.set("authorization", "Bearer " + apiKey.reveal());
        }
    }

    @Override
    public ResponseHeaderNames responseHeaders() {
        return HEADERS;
    }
}
