package dev.llmuptime.probe;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmuptime.config.CheckType;
import dev.llmuptime.config.Secret;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.List;

/** Anthropic's Messages API: {@code x-api-key}, and the API version every request must name. */
final class AnthropicApi implements ProviderApi {

    /** The version of the Messages API whose answers the checks read. */
    static final String VERSION = "2023-06-01";

    private static final ResponseHeaderNames HEADERS = new ResponseHeaderNames(List.of("request-id"),
            "anthropic-ratelimit-requests-remaining", "anthropic-ratelimit-tokens-remaining");

    private final ProbeCheck models;
    private final ProbeCheck chat;
    private final ProbeCheck chatStream;

    AnthropicApi(ObjectMapper json) {
        this.models = new ModelInfoCheck(json, "id");
        this.chat = new AnthropicChatCheck(json);
        this.chatStream = new AnthropicStreamCheck(json);
    }

    @Override
    public ProbeCheck check(CheckType type) {
        return switch (type) {
            case MODELS -> models;
            case CHAT -> chat;
            case CHAT_STREAM -> chatStream;
            case EMBEDDINGS -> throw ProviderApi.notOffered(type, "anthropic");
        };
    }

    @Override
    public void authenticate(Secret apiKey, HttpHeaders headers) {
        if (apiKey.isPresent()) {
            headers.set("x-api-key", apiKey.reveal());
        }
        headers.set("anthropic-version", VERSION);
    }

    @Override
    public ResponseHeaderNames responseHeaders() {
        return HEADERS;
    }
}
