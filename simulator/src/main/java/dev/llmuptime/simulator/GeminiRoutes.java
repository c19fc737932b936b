package dev.llmuptime.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.List;
import java.util.Map;
import org.reactivestreams.Publisher;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * Gemini's API on the simulated provider, below {@code /v1beta/models}: the models,
 * {@code {model}:generateContent} and {@code {model}:streamGenerateContent} (server-sent events with
 * {@code alt=sse}). Like Google it wants a key, in {@code x-goog-api-key} or {@code ?key=}.
 */
final class GeminiRoutes {

    static final String PREFIX = "/v1beta/models";

    private final Responder responder;
    private final GeminiPayloads payloads;
    private final GeminiDialect dialect = new GeminiDialect();

    GeminiRoutes(ObjectMapper json, Pacing pacing, Responder responder) {
        this.responder = responder;
        this.payloads = new GeminiPayloads(json, pacing);
    }

    static boolean matches(HttpServerRequest request) {
        return request.fullPath().equals(PREFIX) || request.fullPath().startsWith(PREFIX + "/");
    }

    Publisher<Void> handle(HttpServerRequest request, HttpServerResponse response) {
        Map<String, String> headers = responder.headers(dialect);
        QueryStringDecoder query = new QueryStringDecoder(request.uri());
        if (!request.requestHeaders().contains("x-goog-api-key") && !query.parameters().containsKey("key")) {
            return responder.sendError(response, 403, dialect.missingKey(), headers);
        }
        String rest = request.fullPath().substring(PREFIX.length());
        if (request.method().equals(HttpMethod.GET)) {
            return rest.isEmpty() ? responder.models(response, dialect, headers, payloads::models)
                    : responder.model(response, dialect, rest.substring(1), headers,
                            model -> payloads.model(model).toString());
        }
        int colon = rest.lastIndexOf(':');
        String model = colon > 1 ? rest.substring(1, colon) : rest;
        String method = colon > 1 ? rest.substring(colon + 1) : "";
        if (!request.method().equals(HttpMethod.POST) || !List.of("generateContent", "streamGenerateContent")
                .contains(method)) {
            return responder.sendError(response, 404, dialect.error(404, model), headers);
        }
        boolean stream = method.equals("streamGenerateContent");
        boolean sse = query.parameters().getOrDefault("alt", List.of()).contains("sse");
        return responder.parsed(request, response, dialect, headers, body -> ChatRequest.fromGemini(model, stream, body),
                chat -> responder.chat(response, dialect, chat, headers, answer -> {
                    String responseId = responder.randomHex(8);
                    if (!stream) {
                        return payloads.generate(chat, answer, responseId, headers);
                    }
                    return payloads.stream(chat, answer, responseId, Responder.withContentType(headers,
                            sse ? Responder.EVENT_STREAM : Responder.JSON), sse);
                }));
    }
}
