package dev.llmuptime.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmuptime.config.MonitorConfig;
import dev.llmuptime.schema.AlertEvent;
import dev.llmuptime.schema.AlertEventSerde;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Function;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;

/**
 * The alert-consumer's JSON API on {@code alerts.http-port}: {@code GET /api/v1/alerts} (the firing
 * alerts of every instance and their state; {@code ?state=all&since=ISO} the alerts topic since then),
 * {@code POST /api/v1/alerts/{alertId}/ack}, {@code GET|POST /api/v1/silences},
 * {@code DELETE /api/v1/silences/{id}} and {@code GET /api/v1/incidents/{alertId}[?format=markdown]}
 * ({@link Incidents}). Reads are open unless http.token is set; writes need the {@link WriteToken}. A write is
 * answered once the broker has it; each instance's evaluator applies it on its next tick.
 */
final class AlertApi {

    private static final Duration DEFAULT_HISTORY = Duration.ofHours(24);
    private static final String FIRING_TOPIC = "alerts";

    private final MonitorConfig config;
    private final SharedView view;
    private final ControlWriter writer;
    private final AlertHistory history;
    private final Clock clock;
    private final WriteToken token;
    private final Holds holds;
    private final Incidents incidents;
    private final ControlCodec codec = new ControlCodec();
    private final AlertJson json = new AlertJson(codec.json());
    private final AlertEventSerde serde = new AlertEventSerde();

    AlertApi(MonitorConfig config, SharedView view, ControlWriter writer, AlertHistory history, Clock clock) {
        this.config = config;
        this.view = view;
        this.writer = writer;
        this.history = history;
        this.clock = clock;
        this.token = new WriteToken(config.alerts().apiToken());
        this.holds = new MaintenanceWindows(config.alerts().maintenance()).orElse(view.holds());
        this.incidents = new Incidents(history, new ProbeResultsReader(config), view, holds, clock);
    }

    void addTo(HttpServerRoutes routes) {
        routes.get("/api/v1/alerts", (request, response) -> respond(response, alerts(request)))
                .post("/api/v1/alerts/{alertId}/ack", (request, response) -> respond(response,
                        write(request, body -> acknowledge(request.param("alertId"), body))))
                .get("/api/v1/incidents/{alertId}", this::incident)
                .get("/api/v1/silences", (request, response) -> respond(response, ready(this::silences)))
                .post("/api/v1/silences", (request, response) -> respond(response, write(request, this::silence)))
                .delete("/api/v1/silences/{id}", (request, response) -> respond(response,
                        write(request, body -> endSilence(request.param("id")))));
    }

    private Mono<JsonNode> alerts(HttpServerRequest request) {
        Map<String, List<String>> params = new QueryStringDecoder(request.uri()).parameters();
        String state = first(params, "state");
        if (state == null || state.equals("active")) {
            return ready(this::active);
        }
        if (!state.equals("all")) {
            return Mono.error(ApiProblem.badRequest("state must be active or all, got '" + state + "'"));
        }
        Instant since;
        try {
            String text = first(params, "since");
            since = text == null ? clock.instant().minus(DEFAULT_HISTORY) : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return Mono.error(ApiProblem.badRequest("since must be an ISO-8601 time such as 2026-11-29T10:00:00Z, got '"
                    + first(params, "since") + "'"));
        }
        return offEventLoop(() -> history(since));
    }

    /** An alert's incident as JSON, or with {@code ?format=markdown} as a report for the provider's support. */
    private Mono<Void> incident(HttpServerRequest request, HttpServerResponse response) {
        String alertId = request.param("alertId");
        String format = first(new QueryStringDecoder(request.uri()).parameters(), "format");
        if (format != null && !format.equals("json") && !format.equals("markdown")) {
            return respond(response, Mono.error(ApiProblem.badRequest("format must be json or markdown, got '"
                    + format + "'")));
        }
        Mono<Incident> found = offEventLoop(() -> incidents.find(alertId).orElseThrow(() -> ApiProblem.notFound(
                "no incident '" + alertId + "' in " + config.kafka().topics().alerts()
                        + ": it never fired, or longer ago than the look-back")));
        if (!"markdown".equals(format)) {
            return respond(response, found.map(IncidentJson::render));
        }
        return found.map(IncidentMarkdown::render)
                .flatMap(markdown -> response.status(200).header("content-type", "text/markdown; charset=utf-8")
                        .header("cache-control", "no-store").sendString(Mono.just(markdown)).then())
                .onErrorResume(ApiProblem.class, problem -> respond(response, Mono.error(problem)));
    }

    private JsonNode active() {
        long now = clock.millis();
        ArrayNode alerts = json.mapper().createArrayNode();
        view.episodes().all().stream()
                .map(episode -> Map.entry(episode, serde.deserializer().deserialize(FIRING_TOPIC, episode.firing())))
                .sorted(Comparator.comparing((Map.Entry<Episode, AlertEvent> pair) -> pair.getValue().getStartsAt())
                        .thenComparing(pair -> pair.getKey().alertId()))
                .forEach(pair -> {
                    Episode episode = pair.getKey();
                    alerts.add(json.active(episode, pair.getValue(), view.acks().of(episode.alertId()),
                            episode.heldBy() != null ? Optional.of(episode.heldBy())
                                    : holds.heldBy(episode.labels(), now)));
                });
        ObjectNode answer = json.mapper().createObjectNode();
        answer.set("alerts", alerts);
        return answer;
    }

    private JsonNode history(Instant since) {
        AlertHistory.Page page = history.since(since);
        ObjectNode answer = json.mapper().createObjectNode().put("since", since.toString())
                .put("truncated", page.truncated());
        ArrayNode alerts = answer.putArray("alerts");
        page.entries().forEach(entry -> alerts.add(json.historyEntry(entry)));
        return answer;
    }

    private Mono<JsonNode> acknowledge(String alertId, JsonNode body) {
        Episode episode = view.episodes().get(alertId).orElseThrow(() -> ApiProblem.notFound("no firing alert '"
                + alertId + "': it resolved, or never fired"));
        if (body == null || !body.isObject()) {
            throw ApiProblem.badRequest("the body must be a JSON object with by and comment");
        }
        body.fieldNames().forEachRemaining(name -> {
            if (!name.equals("by") && !name.equals("comment")) {
                throw ApiProblem.badRequest("unknown field '" + name + "'; expected by, comment");
            }
        });
        String by = body.path("by").asText("");
        if (by.isBlank()) {
            throw ApiProblem.badRequest("by is required: who takes the alert on");
        }
        Acknowledgement ack = new Acknowledgement(alertId, episode.labels().target(), by,
                body.path("comment").asText(""), clock.instant());
        return written(SharedView.acksTopic(config), alertId, ack).map(done -> {
            ObjectNode answer = json.mapper().createObjectNode().put("alertId", alertId);
            answer.set("acknowledged", json.mapper().valueToTree(ack));
            return answer;
        });
    }

    private JsonNode silences() {
        Instant now = clock.instant();
        ObjectNode answer = json.mapper().createObjectNode();
        ArrayNode silences = answer.putArray("silences");
        view.silences().all().forEach(silence -> silences.add(json.silence(silence, now)));
        return answer;
    }

    private Mono<JsonNode> silence(JsonNode body) {
        Silence silence = SilenceRequest.parse(body, UUID.randomUUID().toString(), clock.instant());
        return written(SharedView.silencesTopic(config), silence.id(), silence)
                .map(done -> json.mapper().createObjectNode().put("id", silence.id()));
    }

    /** Ends the silence now; it stays listed, expired, for the audit. */
    private Mono<JsonNode> endSilence(String id) {
        Silence silence = view.silences().get(id).orElseThrow(() -> ApiProblem.notFound("no silence '" + id + "'"));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (silence.state(now) == Silence.State.EXPIRED) {
            return Mono.just(json.silence(silence, now));
        }
        Silence ended = silence.endedAt(now);
        return written(SharedView.silencesTopic(config), id, ended).map(done -> json.silence(ended, now));
    }

    /** A write: refused without the token, else {@code handler} of the body (a JSON null when there is none). */
    private Mono<JsonNode> write(HttpServerRequest request, Function<JsonNode, Mono<JsonNode>> handler) {
        return token.refusal(request.requestHeaders().get("authorization")).<Mono<JsonNode>>map(Mono::error)
                .orElseGet(() -> request.receive().aggregate().asByteArray().defaultIfEmpty(new byte[0])
                        .flatMap(bytes -> ready(() -> parse(bytes)).flatMap(handler)));
    }

    private JsonNode parse(byte[] bytes) {
        if (bytes.length == 0) {
            return NullNode.getInstance();
        }
        try {
            return json.mapper().readTree(bytes);
        } catch (JsonProcessingException e) {
            throw ApiProblem.badRequest("the body is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ApiProblem.badRequest("the body could not be read: " + e.getMessage());
        }
    }

    private Mono<Boolean> written(String topic, String key, Object value) {
        return Mono.fromFuture(() -> writer.write(topic, key, codec.encode(value)))
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorMap(failure -> !(failure instanceof ApiProblem), failure -> new ApiProblem(503,
                        "Kafka did not take the write: " + failure.getMessage()))
                .thenReturn(true);
    }

    /** {@code answer}, once the shared view was read to its end: before, what it says is incomplete. */
    private <T> Mono<T> ready(Callable<T> answer) {
        if (!view.caughtUp()) {
            return Mono.error(new ApiProblem(503, "still reading the acknowledgements, silences and firing alerts"));
        }
        return Mono.fromCallable(answer);
    }

    private static <T> Mono<T> offEventLoop(Callable<T> query) {
        // Reading the alerts topic blocks on the broker: off the event loop.
        return Mono.fromCallable(query).subscribeOn(Schedulers.boundedElastic());
    }

    private Mono<Void> respond(HttpServerResponse response, Mono<JsonNode> answer) {
        return answer.map(body -> new Reply(200, body))
                .onErrorResume(ApiProblem.class, problem -> Mono.just(new Reply(problem.status(),
                        json.mapper().createObjectNode().put("error", problem.getMessage()))))
                .flatMap(reply -> {
                    HttpServerResponse headers = response.status(reply.status())
                            .header("content-type", "application/json").header("cache-control", "no-store");
                    if (reply.status() == 401) {
                        headers = headers.header("www-authenticate", "Bearer");
                    }
                    return headers.sendString(Mono.just(reply.body().toString())).then();
                });
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private record Reply(int status, JsonNode body) {
    }
}
