package dev.llmuptime.probe;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmuptime.config.CheckType;
import dev.llmuptime.config.Secret;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.List;

/** Anthropic's Messages API: {@code x-api-key}, and the API version every request must name. */
record AnthropicApi(ObjectMapper json) implements ProviderApi {

    /** The version of the Messages API whose answers the checks read. */
    static final String VERSION = "2023-06-01";

    private static final ResponseHeaderNames HEADERS = new ResponseHeaderNames(List.of("request-id"),
            "anthropic-ratelimit-requests-remaining", "anthropic-ratelimit-tokens-remaining",
            "anthropic-ratelimit-requests-reset");

    @Override
    public ProbeCheck check(CheckType type) {
        return switch (type) {
            case MODELS -> new ModelInfoCheck(json, "id");
            case CHAT -> new AnthropicChatCheck(json);
            case CHAT_STREAM -> new AnthropicStreamCheck(json);
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
