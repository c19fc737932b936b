package dev.llmuptime.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.Connection;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * Sends the simulated provider's answers, in any provider's dialect, as the fault in force
 * distorts them: delayed, replaced by an error, cut off, dripped or never sent.
 */
final class Responder {

    static final String JSON = "application/json";
    static final String EVENT_STREAM = "text/event-stream; charset=utf-8";
    private static final String GARBAGE = "<html><head><title>502 Bad Gateway</title></head>"
            + "<body><center><h1>502 Bad Gateway</h1></center></body></html>";
    private static final long REQUESTS_PER_MINUTE = 10_000;

    private final ObjectMapper json;
    private final List<String> models;
    private final FaultBoard faults;
    private final RandomGenerator random;
    private final Sinks.Empty<Void> closing;
    private final AtomicLong requests = new AtomicLong();

    Responder(ObjectMapper json, List<String> models, FaultBoard faults, RandomGenerator random,
            Sinks.Empty<Void> closing) {
        this.json = json;
        this.models = models;
        this.faults = faults;
        this.random = random;
        this.closing = closing;
    }

    /** Reads the request body with {@code parser} and hands it on; a body it rejects is answered 400. */
    <T> Mono<Void> parsed(HttpServerRequest request, HttpServerResponse response, Dialect dialect,
            Map<String, String> headers, Function<JsonNode, T> parser, Function<T, Mono<Void>> handler) {
        return body(request).flatMap(text -> {
            T parsed;
            try {
                parsed = parser.apply(json.readTree(text));
            } catch (JsonProcessingException | IllegalArgumentException e) {
                return sendError(response, 400, dialect.invalidRequest(message(e)), headers);
            }
            return handler.apply(parsed);
        });
    }

    /**
     * Answers a chat request: unknown models are not found; the fault is rolled before the answer
     * is built, so the content filter can cut it short.
     */
    Mono<Void> chat(HttpServerResponse response, Dialect dialect, ChatRequest chat, Map<String, String> headers,
            Function<SimulatedAnswer, Reply> answer) {
        if (!models.contains(chat.model())) {
            return sendError(response, 404, dialect.modelNotFound(chat.model()), headers);
        }
        Fault fault = faults.roll(chat.model());
        Reply healthy = answer.apply(SimulatedAnswer.of(chat.maxTokens(), fault.mode() == FaultMode.CONTENT_FILTER));
        return respond(response, dialect, fault, healthy, chat.model());
    }

    /** Answers with the description of one model, or not found. */
    Mono<Void> model(HttpServerResponse response, Dialect dialect, String model, Map<String, String> headers,
            Function<String, String> description) {
        if (!models.contains(model)) {
            return sendError(response, 404, dialect.modelNotFound(model), headers);
        }
        return respond(response, dialect, faults.roll(model), Reply.json(200, headers, Duration.ZERO,
                description.apply(model)), model);
    }

    /** Answers with the list of models, as the all-models fault lets it. */
    Mono<Void> models(HttpServerResponse response, Dialect dialect, Map<String, String> headers,
            Function<List<String>, String> list) {
        return respond(response, dialect, faults.roll(Fault.ALL_MODELS), Reply.json(200, headers, Duration.ZERO,
                list.apply(models)), Fault.ALL_MODELS);
    }

    /** Sends {@code healthy} as {@code fault} distorts it, with {@code dialect}'s error shapes. */
    Mono<Void> respond(HttpServerResponse response, Dialect dialect, Fault fault, Reply healthy, String model) {
        return switch (fault.mode()) {
            // The answer was built filtered already: it is sent as it is.
            case HEALTHY, CONTENT_FILTER -> send(response, healthy);
            case SLOW -> send(response, healthy.delayedBy(Duration.ofMillis(fault.latencyMs())));
            case ERROR -> sendError(response, fault.status(), dialect.error(fault.status(), model), healthy.headers());
            case RATE_LIMIT -> {
                Map<String, String> headers = new LinkedHashMap<>(healthy.headers());
                headers.putAll(dialect.rateLimitHeaders());
                yield sendError(response, fault.status(), dialect.rateLimited(model), headers);
            }
            case STREAM_ERROR -> healthy.parts().size() > 1
                    ? send(response, healthy.interruptedBy(dialect.streamError(fault.status(), model)))
                    : sendError(response, fault.status(), dialect.error(fault.status(), model), healthy.headers());
            case GARBAGE -> send(response, Reply.json(200, healthy.headers(), Duration.ZERO, GARBAGE));
            case TRUNCATE -> send(response, healthy.truncated());
            case HANG -> Mono.<Void>never().takeUntilOther(closing.asMono()).then(close(response));
            case DRIP -> drip(response, healthy, Duration.ofMillis(fault.latencyMs()));
        };
    }

    Mono<Void> send(HttpServerResponse response, Reply reply) {
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

    Mono<Void> sendError(HttpServerResponse response, int status, String body, Map<String, String> headers) {
        return send(response, Reply.json(status, withContentType(headers, JSON), Duration.ZERO, body));
    }

    /** The headers {@code dialect}'s provider sends with every answer, counting this request. */
    Map<String, String> headers(Dialect dialect) {
        long used = requests.incrementAndGet() % REQUESTS_PER_MINUTE;
        return dialect.headers(randomHex(16), REQUESTS_PER_MINUTE - used, REQUESTS_PER_MINUTE);
    }

    String randomHex(int bytes) {
        byte[] hex = new byte[bytes];
        for (int i = 0; i < bytes; i++) {
            hex[i] = (byte) random.nextInt(256);
        }
        return HexFormat.of().formatHex(hex);
    }

    static Map<String, String> withContentType(Map<String, String> headers, String contentType) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put("content-type", contentType);
        return copy;
    }

    static Mono<String> body(HttpServerRequest request) {
        return request.receive().aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("");
    }

    /** The first line of what went wrong with a request, to answer it with. */
    static String message(Exception e) {
        String message = e instanceof JsonProcessingException parse ? parse.getOriginalMessage() : e.getMessage();
        int newline = message == null ? -1 : message.indexOf('\n');
        return newline < 0 ? String.valueOf(message) : message.substring(0, newline);
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

    private static Mono<Void> close(HttpServerResponse response) {
        return Mono.fromRunnable(() -> response.withConnection(Connection::dispose));
    }
}
