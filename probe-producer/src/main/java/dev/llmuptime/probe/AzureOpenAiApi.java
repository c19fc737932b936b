package dev.llmuptime.probe;

import dev.llmuptime.config.CheckType;
import dev.llmuptime.config.Secret;
import dev.llmuptime.config.TargetConfig;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.List;

/**
 * Azure OpenAI: OpenAI's requests and answers, sent to a deployment
 * ({@code /openai/deployments/{deployment}/chat/completions?api-version=...}) with an {@code api-key}
 * header. Its API management layer names the request in {@code apim-request-id}.
 */
record AzureOpenAiApi(OpenAiApi openAi) implements ProviderApi {

    private static final ResponseHeaderNames HEADERS = new ResponseHeaderNames(
            List.of("apim-request-id", "x-request-id"), "x-ratelimit-remaining-requests", "x-ratelimit-remaining-tokens",
            "x-ratelimit-reset-requests");

    @Override
    public ProbeCheck check(CheckType type) {
        if (type == CheckType.MODELS) {
            throw ProviderApi.notOffered(type, "azure-openai");
        }
        return openAi.check(type);
    }

    @Override
    public String url(TargetConfig target, ProbeRequest request) {
        return ProviderApi.below(target, "/openai/deployments/" + target.deployment() + request.path())
                + "?api-version=" + target.apiVersion();
    }

    @Override
    public void authenticate(Secret apiKey, HttpHeaders headers) {
        if (apiKey.isPresent()) {
            headers.set("api-key", apiKey.reveal());
        }
    }

    @Override
    public ResponseHeaderNames responseHeaders() {
        return HEADERS;
    }
}
