package dev.llmuptime.probe;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmuptime.config.CheckType;
import dev.llmuptime.config.Secret;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.List;

/**
 * Google's Gemini API ({@code generativelanguage.googleapis.com/v1beta}): {@code x-goog-api-key}.
 * It sends no request id or rate-limit headers; the chat checks take the answer's
 * {@code responseId} as its request id.
 */
final class GeminiApi implements ProviderApi {

    private static final ResponseHeaderNames HEADERS = new ResponseHeaderNames(List.of("x-request-id"), null, null);

    private final ProbeCheck models;
    private final ProbeCheck chat;
    private final ProbeCheck chatStream;

    GeminiApi(ObjectMapper json) {
        this.models = new ModelInfoCheck(json, "name");
        this.chat = new GeminiChatCheck(json);
        this.chatStream = new GeminiStreamCheck(json);
    }

    @Override
    public ProbeCheck check(CheckType type) {
        return switch (type) {
            case MODELS -> models;
            case CHAT -> chat;
            case CHAT_STREAM -> chatStream;
            case EMBEDDINGS -> throw ProviderApi.notOffered(type, "gemini");
        };
    }

    @Override
    public void authenticate(Secret apiKey, HttpHeaders headers) {
        if (apiKey.isPresent()) {
            headers.set("x-goog-api-key", apiKey.reveal());
        }
    }

    @Override
    public ResponseHeaderNames responseHeaders() {
        return HEADERS;
    }
}
