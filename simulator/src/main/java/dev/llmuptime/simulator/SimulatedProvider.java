package dev.llmuptime.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * An LLM API on Reactor Netty that speaks OpenAI's, Azure OpenAI's, Anthropic's and Gemini's
 * dialects, with faults that can be switched at run time through {@code POST /_sim/faults}. It
 * lets everything be run and tested on one machine, and makes every failure a probe must classify
 * reproducible, in each provider's own shapes.
 */
public final class SimulatedProvider implements AutoCloseable {

    /** The models the simulator serves unless told otherwise. */
    public static final List<String> DEFAULT_MODELS = List.of("sim-small", "sim-large", "sim-embed");

    private static final Logger log = LoggerFactory.getLogger(SimulatedProvider.class);

    private final ObjectMapper json = new ObjectMapper();
    private final List<String> models;
    private final FaultBoard faults;
    private final OpenAiPayloads payloads;
    private final OpenAiDialect dialect = new OpenAiDialect();
    private final Responder responder;
    private final AnthropicRoutes anthropic;
    private final GeminiRoutes gemini;
    private final AzureRoutes azure;
    private final Sinks.Empty<Void> closing = Sinks.empty();
    private DisposableServer server;

    private SimulatedProvider(List<String> models, Pacing pacing, RandomGenerator random) {
        this.models = List.copyOf(models);
        this.faults = new FaultBoard(random);
        this.payloads = new OpenAiPayloads(json, pacing);
        this.responder = new Responder(json, this.models, faults, random, closing);
        this.anthropic = new AnthropicRoutes(json, pacing, responder);
        this.gemini = new GeminiRoutes(json, pacing, responder);
        this.azure = new AzureRoutes(payloads, responder);
    }

    /** Starts on {@code host:port} (port 0 picks a free one) with the default models and realistic pacing. */
    public static SimulatedProvider start(String host, int port) {
        return start(host, port, DEFAULT_MODELS, Pacing.REALISTIC, RandomGenerator.getDefault());
    }

    public static SimulatedProvider start(String host, int port, List<String> models, Pacing pacing,
            RandomGenerator random) {
        SimulatedProvider provider = new SimulatedProvider(models, pacing, random);
        provider.server = HttpServer.create()
                .host(host)
                .port(port)
                .route(routes -> routes
                        .get("/v1/models", provider::models)
                        .get("/v1/models/{model}", provider::model)
                        .post("/v1/chat/completions", provider::chatCompletions)
                        .post("/v1/embeddings", provider::embeddings)
                        .post("/v1/messages", provider.anthropic::messages)
                        .route(AzureRoutes::matches, provider.azure::handle)
                        .route(GeminiRoutes::matches, provider.gemini::handle)
                        .get("/_sim/faults", provider::showFaults)
                        .post("/_sim/faults", provider::changeFault)
                        .route(request -> true, provider::notFound))
                .bindNow();
        log.info("Simulated LLM provider on http://{}:{} serving {}: OpenAI and Anthropic at /v1, Gemini at /v1beta, "
                + "Azure OpenAI at /openai/deployments/{model}", host, provider.port(), models);
        return provider;
    }

    public int port() {
        return server.port();
    }

    /** The OpenAI-style base URL, e.g. {@code http://127.0.0.1:8090/v1}; Anthropic's too. */
    public String baseUrl() {
        return root() + "/v1";
    }

    /** The Gemini-style base URL, e.g. {@code http://127.0.0.1:8090/v1beta}. */
    public String geminiBaseUrl() {
        return root() + "/v1beta";
    }

    /** The Azure-style endpoint, e.g. {@code http://127.0.0.1:8090}: deployments are below it. */
    public String azureEndpoint() {
        return root();
    }

    public List<String> models() {
        return models;
    }

    /** Switches a fault on (or, with mode healthy, off), as {@code POST /_sim/faults} does. */
    public void setFault(Fault fault) {
        faults.set(fault);
        log.info("Simulated provider: model {} is now {}", fault.model(), describe(fault));
    }

    public List<Fault> faults() {
        return faults.all();
    }

    @Override
    public void close() {
        closing.tryEmitEmpty();
        server.disposeNow(Duration.ofSeconds(5));
    }

    private String root() {
        return "http://" + server.host() + ":" + server.port();
    }

    private Publisher<Void> models(HttpServerRequest request, HttpServerResponse response) {
        if (AnthropicRoutes.isAnthropic(request)) {
            return anthropic.models(request, response);
        }
        return responder.models(response, dialect, responder.headers(dialect),
                list -> payloads.models(list, 1_700_000_000L));
    }

    private Publisher<Void> model(HttpServerRequest request, HttpServerResponse response) {
        if (AnthropicRoutes.isAnthropic(request)) {
            return anthropic.model(request, response);
        }
        return responder.model(response, dialect, request.param("model"), responder.headers(dialect),
                model -> payloads.model(model, 1_700_000_000L).toString());
    }

    private Publisher<Void> chatCompletions(HttpServerRequest request, HttpServerResponse response) {
        Map<String, String> headers = responder.headers(dialect);
        return responder.parsed(request, response, dialect, headers, ChatRequest::from, chat ->
                responder.chat(response, dialect, chat, headers, answer ->
                        payloads.completion(chat, answer, "chatcmpl-" + responder.randomHex(12), headers)));
    }

    private Publisher<Void> embeddings(HttpServerRequest request, HttpServerResponse response) {
        Map<String, String> headers = responder.headers(dialect);
        return responder.parsed(request, response, dialect, headers, EmbeddingsRequest::from, embeddings ->
                responder.model(response, dialect, embeddings.model(), headers,
                        model -> payloads.embeddings(model, embeddings.inputs())));
    }

    private Publisher<Void> showFaults(HttpServerRequest request, HttpServerResponse response) {
        try {
            return sendJson(response, 200, json.writeValueAsString(Map.of("faults", faults.all())));
        } catch (JsonProcessingException e) {
            return Mono.error(e);
        }
    }

    private Publisher<Void> changeFault(HttpServerRequest request, HttpServerResponse response) {
        return Responder.body(request).flatMap(body -> {
            Fault fault;
            try {
                fault = json.readValue(body, Fault.class);
            } catch (JsonProcessingException | IllegalArgumentException e) {
                return sendJson(response, 400, dialect.invalidRequest("bad fault: " + Responder.message(e)));
            }
            setFault(fault);
            try {
                return sendJson(response, 200, json.writeValueAsString(fault));
            } catch (JsonProcessingException e) {
                return Mono.error(e);
            }
        });
    }

    private Publisher<Void> notFound(HttpServerRequest request, HttpServerResponse response) {
        return sendJson(response, 404, dialect.invalidRequest("Unknown request URL: " + request.method() + " "
                + request.uri()));
    }

    private static Mono<Void> sendJson(HttpServerResponse response, int status, String body) {
        return response.status(HttpResponseStatus.valueOf(status)).header("content-type", Responder.JSON)
                .sendString(Mono.just(body)).then();
    }

    private static String describe(Fault fault) {
        return switch (fault.mode()) {
            case HEALTHY -> "healthy";
            case ERROR -> "failing with HTTP " + fault.status();
            case STREAM_ERROR -> "failing mid-stream with the error of HTTP " + fault.status();
            case SLOW -> "slow (+" + fault.latencyMs() + " ms)";
            case DRIP -> "dripping one byte every " + fault.latencyMs() + " ms";
            default -> fault.mode().wireName();
        } + (fault.probability() < 1 ? " for " + Math.round(fault.probability() * 100) + "% of requests" : "");
    }
}
