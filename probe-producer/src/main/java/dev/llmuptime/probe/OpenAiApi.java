package dev.llmuptime.probe;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmuptime.config.CheckType;
import dev.llmuptime.config.Secret;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.List;

/** OpenAI's API, and every server that copies it (vLLM, Ollama, Groq, ...): a bearer key. */
final class OpenAiApi implements ProviderApi {

    private static final ResponseHeaderNames HEADERS = new ResponseHeaderNames(List.of("x-request-id", "request-id"),
            "x-ratelimit-remaining-requests", "x-ratelimit-remaining-tokens");

    private final ProbeCheck models;
    private final ProbeCheck chat;
    private final ProbeCheck chatStream;
    private final ProbeCheck embeddings;

    OpenAiApi(ObjectMapper json) {
        this.models = new ModelsCheck(json);
        this.chat = new ChatCheck(json);
        this.chatStream = new ChatStreamCheck(json);
        this.embeddings = new EmbeddingsCheck(json);
    }

    @Override
    public ProbeCheck check(CheckType type) {
        return switch (type) {
            case MODELS -> models;
            case CHAT -> chat;
            case CHAT_STREAM -> chatStream;
            case EMBEDDINGS -> embeddings;
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
