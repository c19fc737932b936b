package dev.llmuptime.probe;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmuptime.config.CheckType;
import dev.llmuptime.config.Provider;
import dev.llmuptime.config.Secret;
import dev.llmuptime.config.TargetConfig;
import io.netty.handler.codec.http.HttpHeaders;

/**
 * How one provider's API is spoken: the request and answer of each check, where requests go, how
 * they authenticate, and which response headers carry the request id and rate limits. The config
 * lets a target through only with a check its provider offers.
 */
sealed interface ProviderApi permits OpenAiApi, AzureOpenAiApi, AnthropicApi, GeminiApi {

    static ProviderApi of(Provider provider, ObjectMapper json) {
        return switch (provider) {
            case OPENAI, OPENAI_COMPATIBLE -> new OpenAiApi(json);
            case AZURE_OPENAI -> new AzureOpenAiApi(new OpenAiApi(json));
            case ANTHROPIC -> new AnthropicApi(json);
            case GEMINI -> new GeminiApi(json);
        };
    }

    ProbeCheck check(CheckType type);

    /** Where {@code request} goes for {@code target}. */
    default String url(TargetConfig target, ProbeRequest request) {
        return below(target, request.path());
    }

    /** Sets the key, if there is one, and the headers this API requires on every request. */
    void authenticate(Secret apiKey, HttpHeaders headers);

    ResponseHeaderNames responseHeaders();

    /** {@code path} appended to the target's base URL, with exactly one slash between them. */
    static String below(TargetConfig target, String path) {
        String base = target.baseUrl().toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }

    static IllegalArgumentException notOffered(CheckType type, String provider) {
        return new IllegalArgumentException(provider + " offers no " + type.configName() + " check");
    }
}
