package dev.llmuptime.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.Connection;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * An OpenAI-compatible LLM API on Reactor Netty, with faults that can be switched at run time
 * through {@code POST /_sim/faults}. It lets everything be run and tested on one machine, and
 * makes every failure a probe must classify reproducible.
 */
public final class SimulatedProvider implements AutoCloseable {

    /** The models the simulator serves unless told otherwise. */
    public static final List<String> DEFAULT_MODELS = List.of("sim-small", "sim-large", "sim-embed");

    private static final Logger log = LoggerFactory.getLogger(SimulatedProvider.class);
    private static final String JSON = "application/json";
    private static final String EVENT_STREAM = "text/event-stream; charset=utf-8";
    private static final String GARBAGE = "<html><head><title>502 Bad Gateway</title></head>"
            + "<body><center><h1>502 Bad Gateway</h1></center></body></html>";
    private static final long REQUESTS_PER_MINUTE = 10_000;

    private final ObjectMapper json = new ObjectMapper();
    private final List<String> models;
    private final FaultBoard faults;
    private final OpenAiPayloads payloads;
    private final RandomGenerator random;
    private final AtomicLong requests = new AtomicLong();
    private final Sinks.Empty<Void> closing = Sinks.empty();
    private DisposableServer server;

    private SimulatedProvider(List<String> models, Pacing pacing, RandomGenerator random) {
        this.models = List.copyOf(models);
        this.random = random;
        this.faults = new FaultBoard(random);
        this.payloads = new OpenAiPayloads(json, pacing);
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
                        .post("/v1/chat/completions", provider::chatCompletions)
                        .post("/v1/embeddings", provider::embeddings)
                        .get("/_sim/faults", provider::showFaults)
                        .post("/_sim/faults", provider::changeFault)
                        .route(request -> true, provider::notFound))
                .bindNow();
        log.info("Simulated LLM provider on http://{}:{}/v1 serving {}", host, provider.port(), models);
        return provider;
    }

    public int port() {
        return server.port();
    }

    /** The OpenAI-style base URL, e.g. {@code http://127.0.0.1:8090/v1}. */
    public String baseUrl() {
        return "http://" + server.host() + ":" + server.port() + "/v1";
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

    private Publisher<Void> models(HttpServerRequest request, HttpServerResponse response) {
        Map<String, String> headers = headers();
        Reply healthy = Reply.json(200, headers, Duration.ZERO, payloads.models(models, 1_700_000_000L));
        return respond(response, faults.roll(Fault.ALL_MODELS), healthy, Fault.ALL_MODELS);
    }

    private Publisher<Void> chatCompletions(HttpServerRequest request, HttpServerResponse response) {
        return body(request).flatMap(body -> {
            ChatRequest chat;
            try {
                chat = ChatRequest.from(json.readTree(body));
            } catch (JsonProcessingException | IllegalArgumentException e) {
                return sendError(response, 400, OpenAiErrors.invalidRequest(message(e)).toString(), headers());
            }
            if (!models.contains(chat.model())) {
                return sendError(response, 404, OpenAiErrors.modelNotFound(chat.model()).toString(), headers());
            }
            String id = "chatcmpl-" + randomHex(12);
            long created = Instant.now().getEpochSecond();
            Map<String, String> headers = headers();
            Reply healthy = chat.stream()
                    ? payloads.chatStream(chat, id, created, withContentType(headers, EVENT_STREAM))
                    : payloads.chat(chat, id, created, headers);
            return respond(response, faults.roll(chat.model()), healthy, chat.model());
        });
    }

    private Publisher<Void> embeddings(HttpServerRequest request, HttpServerResponse response) {
        return body(request).flatMap(body -> {
            String model;
            List<String> inputs = new ArrayList<>();
            try {
                JsonNode root = json.readTree(body);
                model = root.path("model").asText("");
                JsonNode input = root.path("input");
                if (input.isTextual()) {
                    inputs.add(input.asText());
                } else if (input.isArray()) {
                    input.forEach(item -> inputs.add(item.asText()));
                }
                if (model.isEmpty() || inputs.isEmpty()) {
                    throw new IllegalArgumentException("'model' and a non-empty 'input' are required");
                }
            } catch (JsonProcessingException | IllegalArgumentException e) {
                return sendError(response, 400, OpenAiErrors.invalidRequest(message(e)).toString(), headers());
            }
            if (!models.contains(model)) {
                return sendError(response, 404, OpenAiErrors.modelNotFound(model).toString(), headers());
            }
            Reply healthy = Reply.json(200, headers(), Duration.ZERO, payloads.embeddings(model, inputs));
            return respond(response, faults.roll(model), healthy, model);
        });
    }

    private Publisher<Void> showFaults(HttpServerRequest request, HttpServerResponse response) {
        try {
            return sendJson(response, 200, json.writeValueAsString(Map.of("faults", faults.all())));
        } catch (JsonProcessingException e) {
            return Mono.error(e);
        }
    }

    private Publisher<Void> changeFault(HttpServerRequest request, HttpServerResponse response) {
        return body(request).flatMap(body -> {
            Fault fault;
            try {
                fault = json.readValue(body, Fault.class);
            } catch (JsonProcessingException | IllegalArgumentException e) {
                return sendJson(response, 400, OpenAiErrors.invalidRequest("bad fault: " + message(e)).toString());
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
        return sendJson(response, 404, OpenAiErrors.invalidRequest("Unknown request URL: " + request.method() + " "
                + request.uri()).toString());
    }

    /** Sends {@code healthy} as {@code fault} distorts it. */
    private Mono<Void> respond(HttpServerResponse response, Fault fault, Reply healthy, String model) {
        return switch (fault.mode()) {
            case HEALTHY -> send(response, healthy);
            case SLOW -> send(response, healthy.delayedBy(Duration.ofMillis(fault.latencyMs())));
            case ERROR -> sendError(response, fault.status(), OpenAiErrors.forStatus(fault.status(), model).toString(),
                    healthy.headers());
            case RATE_LIMIT -> {
                Map<String, String> headers = new LinkedHashMap<>(healthy.headers());
                headers.put("retry-after", "1");
                headers.put("x-ratelimit-remaining-requests", "0");
                yield sendError(response, fault.status(), OpenAiErrors.rateLimited(model).toString(), headers);
            }
            case GARBAGE -> send(response, Reply.json(200, healthy.headers(), Duration.ZERO, GARBAGE));
            case TRUNCATE -> send(response, healthy.truncated());
            case HANG -> Mono.<Void>never().takeUntilOther(closing.asMono()).then(close(response));
            case DRIP -> drip(response, healthy, Duration.ofMillis(fault.latencyMs()));
        };
    }

    private Mono<Void> send(HttpServerResponse response, Reply reply) {
        response.status(reply.status());
        reply.headers().forEach(response::header);
        if (!reply.headers().containsKey("content-type")) {
            response.header("content-type", JSON);
        }
        Flux<ByteBuf> parts = Flux.fromIterable(reply.parts())
                .concatMap(part -> part.delay().isZero()
                        ? Mono.just(part.text())
                        : Mono.delay(part.delay()).thenReturn(part.text()))
                .map(text -> Unpooled.wrappedBuffer(text.getBytes(StandardCharsets.UTF_8)))
                .takeUntilOther(closing.asMono());
        // Flush every part, so a stream arrives token by token rather than all at the end.
        return response.send(parts, buffer -> true).then();
    }

    private Mono<Void> drip(HttpServerResponse response, Reply healthy, Duration everyByte) {
        byte[] body = healthy.body().getBytes(StandardCharsets.UTF_8);
        response.status(200);
        healthy.headers().forEach(response::header);
        if (!healthy.headers().containsKey("content-type")) {
            response.header("content-type", JSON);
        }
        Flux<ByteBuf> bytes = Flux.interval(Duration.ZERO, everyByte)
                .take(body.length)
                .map(i -> Unpooled.wrappedBuffer(body, i.intValue(), 1))
                .takeUntilOther(closing.asMono());
        return response.send(bytes, buffer -> true).then();
    }

    private Mono<Void> sendError(HttpServerResponse response, int status, String body, Map<String, String> headers) {
        return send(response, Reply.json(status, withContentType(headers, JSON), Duration.ZERO, body));
    }

    private static Mono<Void> sendJson(HttpServerResponse response, int status, String body) {
        return response.status(HttpResponseStatus.valueOf(status)).header("content-type", JSON)
                .sendString(Mono.just(body)).then();
    }

    private static Mono<Void> close(HttpServerResponse response) {
        return Mono.fromRunnable(() -> response.withConnection(Connection::dispose));
    }

    private static Mono<String> body(HttpServerRequest request) {
        return request.receive().aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("");
    }

    /** Headers OpenAI sends with every answer: request id and rate-limit state. */
    private Map<String, String> headers() {
        long used = requests.incrementAndGet() % REQUESTS_PER_MINUTE;
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-request-id", "req_" + randomHex(16));
        headers.put("x-ratelimit-limit-requests", String.valueOf(REQUESTS_PER_MINUTE));
        headers.put("x-ratelimit-remaining-requests", String.valueOf(REQUESTS_PER_MINUTE - used));
        headers.put("x-ratelimit-limit-tokens", "2000000");
        headers.put("x-ratelimit-remaining-tokens", "1999000");
        headers.put("openai-processing-ms", "1");
        return headers;
    }

    private static Map<String, String> withContentType(Map<String, String> headers, String contentType) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put("content-type", contentType);
        return copy;
    }

    private String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        for (int i = 0; i < bytes; i++) {
            random[i] = (byte) this.random.nextInt(256);
        }
        return HexFormat.of().formatHex(random);
    }

    private static String message(Exception e) {
        String message = e instanceof JsonProcessingException parse ? parse.getOriginalMessage() : e.getMessage();
        int newline = message == null ? -1 : message.indexOf('\n');
        return newline < 0 ? String.valueOf(message) : message.substring(0, newline);
    }

    private static String describe(Fault fault) {
        return switch (fault.mode()) {
            case HEALTHY -> "healthy";
            case ERROR -> "failing with HTTP " + fault.status();
            case SLOW -> "slow (+" + fault.latencyMs() + " ms)";
            case DRIP -> "dripping one byte every " + fault.latencyMs() + " ms";
            default -> fault.mode().wireName();
        } + (fault.probability() < 1 ? " for " + Math.round(fault.probability() * 100) + "% of requests" : "");
    }
}
