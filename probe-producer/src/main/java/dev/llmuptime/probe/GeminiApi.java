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
record GeminiApi(ObjectMapper json) implements ProviderApi {

    private static final ResponseHeaderNames HEADERS = new ResponseHeaderNames(List.of("x-request-id"), null, null, null);

    @Override
    public ProbeCheck check(CheckType type) {
        return switch (type) {
            case MODELS -> new ModelInfoCheck(json, "name");
            case CHAT -> new GeminiChatCheck(json);
            case CHAT_STREAM -> new GeminiStreamCheck(json);
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
