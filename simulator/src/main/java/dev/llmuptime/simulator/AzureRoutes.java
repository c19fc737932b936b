package dev.llmuptime.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.Map;
import org.reactivestreams.Publisher;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * Azure OpenAI on the simulated provider:
 * {@code POST /openai/deployments/{deployment}/chat/completions?api-version=...} and
 * {@code .../embeddings}, where each model is deployed under its own name. Like Azure it wants an {@code api-key} (any value) and an
 * {@code api-version}.
 */
final class AzureRoutes {

    static final String PREFIX = "/openai/deployments/";

    private final Responder responder;
    private final OpenAiPayloads payloads;
    private final AzureDialect dialect = new AzureDialect();

    AzureRoutes(OpenAiPayloads payloads, Responder responder) {
        this.responder = responder;
        this.payloads = payloads;
    }

    static boolean matches(HttpServerRequest request) {
        return request.method().equals(HttpMethod.POST) && request.fullPath().startsWith(PREFIX);
    }

    Publisher<Void> handle(HttpServerRequest request, HttpServerResponse response) {
        Map<String, String> headers = responder.headers(dialect);
        if (!request.requestHeaders().contains("api-key") && !request.requestHeaders().contains("authorization")) {
            return responder.sendError(response, 401, dialect.unauthorized(), headers);
        }
        String[] path = request.fullPath().substring(PREFIX.length()).split("/", 2);
        boolean versioned = new QueryStringDecoder(request.uri()).parameters().containsKey("api-version");
        if (path.length < 2 || !versioned || !(path[1].equals("chat/completions") || path[1].equals("embeddings"))) {
            return responder.sendError(response, 404, dialect.resourceNotFound(), headers);
        }
        String deployment = path[0];
        if (path[1].equals("embeddings")) {
            return responder.parsed(request, response, dialect, headers,
                    body -> EmbeddingsRequest.from(deployedAs(body, deployment)), embeddings ->
                            responder.model(response, dialect, deployment, headers,
                                    model -> payloads.embeddings(model, embeddings.inputs())));
        }
        return responder.parsed(request, response, dialect, headers, body -> ChatRequest.from(deployedAs(body, deployment)),
                chat -> responder.chat(response, dialect, chat, headers, answer ->
                        payloads.completion(chat, answer, "chatcmpl-" + responder.randomHex(12), headers)));
    }

    /** Azure takes the model from the deployment, whatever the body says. */
    private static JsonNode deployedAs(JsonNode body, String deployment) {
        if (body instanceof ObjectNode object) {
            object.put("model", deployment);
        }
        return body;
    }
}
