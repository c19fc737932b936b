package dev.llmuptime.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * Anthropic's API on the simulated provider: {@code POST /v1/messages}, and {@code GET /v1/models}
 * and {@code /v1/models/{model}} for callers that name an Anthropic API version. Like Anthropic it
 * wants an {@code x-api-key} (any value) and an {@code anthropic-version}.
 */
final class AnthropicRoutes {

    private final Responder responder;
    private final AnthropicPayloads payloads;
    private final AnthropicDialect dialect = new AnthropicDialect();

    AnthropicRoutes(ObjectMapper json, Pacing pacing, Responder responder) {
        this.responder = responder;
        this.payloads = new AnthropicPayloads(json, pacing);
    }

    /** Anthropic's clients always name the API version; OpenAI's never do. */
    static boolean isAnthropic(HttpServerRequest request) {
        return request.requestHeaders().contains("anthropic-version");
    }

    Publisher<Void> messages(HttpServerRequest request, HttpServerResponse response) {
        Map<String, String> headers = responder.headers(dialect);
        Mono<Void> refused = refused(request, response, headers);
        if (refused != null) {
            return refused;
        }
        return responder.parsed(request, response, dialect, headers, ChatRequest::fromAnthropic, chat ->
                responder.chat(response, dialect, chat, headers, answer -> {
                    String id = responder.randomHex(12);
                    return chat.stream()
                            ? payloads.messageStream(chat, answer, id,
                                    Responder.withContentType(headers, Responder.EVENT_STREAM))
                            : payloads.message(chat, answer, id, headers);
                }));
    }

    Publisher<Void> models(HttpServerRequest request, HttpServerResponse response) {
        Map<String, String> headers = responder.headers(dialect);
        Mono<Void> refused = refused(request, response, headers);
        return refused != null ? refused : responder.models(response, dialect, headers, payloads::models);
    }

    Publisher<Void> model(HttpServerRequest request, HttpServerResponse response) {
        Map<String, String> headers = responder.headers(dialect);
        Mono<Void> refused = refused(request, response, headers);
        return refused != null ? refused : responder.model(response, dialect, request.param("model"), headers,
                model -> payloads.model(model).toString());
    }

    /** The answer to a request without a key or API version, or null if it has both. */
    private Mono<Void> refused(HttpServerRequest request, HttpServerResponse response, Map<String, String> headers) {
        if (!request.requestHeaders().contains("x-api-key")) {
            return responder.sendError(response, 401, dialect.missingKey(), headers);
        }
        if (!isAnthropic(request)) {
            return responder.sendError(response, 400, dialect.invalidRequest("anthropic-version: header is required"),
                    headers);
        }
        return null;
    }
}
