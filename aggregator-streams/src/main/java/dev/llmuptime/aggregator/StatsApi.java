package dev.llmuptime.aggregator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmuptime.aggregator.state.Streak;
import dev.llmuptime.aggregator.state.WindowAccumulator;
import dev.llmuptime.config.Durations;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;

/**
 * The JSON API: {@code GET /api/v1/targets} (current status of every target) and
 * {@code GET /api/v1/targets/{id}/stats?window=&from=&to=&region=} (a series of WindowStats) and
 * {@code GET /api/v1/targets/{id}/summary?range=24h} (the target over a range, overall and per region).
 * Any instance answers for the whole cluster: it gathers the targets of every instance and forwards
 * stats to the instance holding the target; {@code local=true} answers from this instance's stores only.
 * Stats read from a standby or restoring store come as {@code {"stale": true, "series": [...]}}.
 * Bad parameters get 400 with {@code {"error": ...}}; state not yet available, 503.
 */
final class StatsApi {

    /** The periods of the uptime columns, by the label the API and the dashboard use. */
    static final List<Map.Entry<String, Duration>> UPTIME_PERIODS = List.of(Map.entry("1h", Duration.ofHours(1)),
            Map.entry("24h", Duration.ofHours(24)), Map.entry("7d", Duration.ofDays(7)));

    private final StatsQueries queries;
    private final ClusterMetadata cluster;
    private final ClusterTargets clusterTargets;
    private final Peers peers;
    private final StatsJson json;
    private final TargetSummary targetSummary;
    private final ObjectMapper mapper;
    private final Clock clock;

    StatsApi(StatsQueries queries, ClusterMetadata cluster, Peers peers, ObjectMapper mapper, Clock clock) {
        this.queries = queries;
        this.cluster = cluster;
        this.peers = peers;
        this.clusterTargets = new ClusterTargets(cluster, peers, mapper);
        this.mapper = mapper;
        this.json = new StatsJson(mapper);
        this.targetSummary = new TargetSummary(mapper);
        this.clock = clock;
    }

    HttpServerRoutes addTo(HttpServerRoutes routes) {
        return routes
                .get("/api/v1/targets", (request, response) -> respond(response, allTargets(request)))
                .get("/api/v1/targets/{id}/stats", (request, response) -> respond(response,
                        owned(request, this::stats, this::staleSeries)))
                .get("/api/v1/targets/{id}/summary", (request, response) -> respond(response,
                        owned(request, this::summary, answer -> ((ObjectNode) answer).put("stale", true))));
    }

    private Mono<Reply> allTargets(HttpServerRequest request) {
        Mono<JsonNode> local = offEventLoop(this::targets);
        if (isLocal(request)) {
            return local.map(Reply::ok);
        }
        return offEventLoop(cluster::instances).flatMap(instances -> instances.size() <= 1 ? local
                : clusterTargets.gather("/api/v1/targets", local, instances)).map(Reply::ok);
    }

    /**
     * The answer of the instance holding target {@code id}: asked of it, or read here when this one holds
     * it; {@code stale} wraps an answer read from a standby or restoring copy here.
     */
    private Mono<Reply> owned(HttpServerRequest request, TargetQuery query, UnaryOperator<JsonNode> stale) {
        Mono<Reply> staleReply = Mono.defer(() -> staleReply(request, query, stale));
        Mono<Reply> local = offEventLoop(() -> query.answer(request, queries)).map(Reply::ok)
                // Rebalancing or restoring: a standby or restoring store still knows the target.
                .onErrorResume(InvalidStateStoreException.class, e -> staleReply);
        if (isLocal(request)) {
            return local;
        }
        return offEventLoop(() -> cluster.remoteOwner(request.param("id"))).flatMap(owner -> owner.isEmpty() ? local
                : peers.getLocal(owner.get(), request.uri())
                        .filter(answer -> answer.status() == 200 || answer.status() == 400 || answer.status() == 404)
                        .flatMap(answer -> offEventLoop(() -> new Reply(answer.status(), mapper.readTree(answer.body()))))
                        .switchIfEmpty(staleReply)
                        .onErrorResume(failure -> !(failure instanceof BadRequest || failure instanceof NotFound),
                                failure -> staleReply));
    }

    private Mono<Reply> staleReply(HttpServerRequest request, TargetQuery query, UnaryOperator<JsonNode> stale) {
        return offEventLoop(() -> Reply.ok(stale.apply(query.answer(request, queries.includingStale()))))
                .onErrorResume(NotFound.class, e -> Mono.just(new Reply(503, json.error("the instance holding target '"
                        + request.param("id") + "' cannot be reached, and this one has no copy of its stats"))));
    }

    private JsonNode staleSeries(JsonNode series) {
        ObjectNode stale = mapper.createObjectNode().put("stale", true);
        stale.set("series", series);
        return stale;
    }

    private JsonNode summary(HttpServerRequest request, StatsQueries queries) {
        String targetId = request.param("id");
        String label = first(new QueryStringDecoder(request.uri()).parameters(), "range");
        Map.Entry<String, Duration> range = UPTIME_PERIODS.stream()
                .filter(period -> period.getKey().equals(label == null ? "24h" : label)).findFirst()
                .orElseThrow(() -> new BadRequest("range must be one of " + UPTIME_PERIODS.stream()
                        .map(Map.Entry::getKey).collect(Collectors.joining(", ")) + ", got '" + label + "'"));
        if (queries.streak(targetId).isEmpty()) {
            throw new NotFound("no stats for target '" + targetId + "'");
        }
        return targetSummary.of(queries, targetId, range, clock.instant());
    }

    /** A question about one target, asked of some instance's stores. */
    @FunctionalInterface
    private interface TargetQuery {
        JsonNode answer(HttpServerRequest request, StatsQueries queries);
    }

    private static boolean isLocal(HttpServerRequest request) {
        return "true".equals(first(new QueryStringDecoder(request.uri()).parameters(), "local"));
    }

    private JsonNode targets() {
        Instant now = clock.instant();
        ArrayNode targets = mapper.createArrayNode();
        for (Map.Entry<String, Streak> entry : queries.targets().entrySet()) {
            String id = entry.getKey();
            Streak streak = entry.getValue();
            StatsQueries.Rollup lastHour = queries.rollup(id, Duration.ofHours(1), now);
            ObjectNode target = targets.addObject().put("targetId", id).put("provider", lastHour.provider())
                    .put("model", lastHour.model()).put("check", lastHour.check())
                    .put("status", TargetStatus.of(streak, lastHour.uptime(), queries.windows().get(0), now).label())
                    .put("lastProbeAt", Instant.ofEpochMilli(streak.getLastProbeAt()).toString())
                    .put("lastOutcome", streak.getLastOutcome())
                    .put("consecutiveFailures", streak.getConsecutiveFailures())
                    .put("consecutiveSuccesses", streak.getConsecutiveSuccesses())
                    .put("probesLastHour", lastHour.count());
            target.set("backoff", json.backoff(RegionBackoff.longest(queries.regions(id), now)));
            ObjectNode uptime = target.putObject("uptime");
            for (Map.Entry<String, Duration> period : UPTIME_PERIODS) {
                uptime.put(period.getKey(), period.getValue().equals(Duration.ofHours(1)) ? lastHour.uptime()
                        : queries.rollup(id, period.getValue(), now).uptime());
            }
            target.set("latency", json.percentiles(lastHour.latency()));
            target.set("ttft", json.percentiles(lastHour.ttft()));
        }
        return targets;
    }

    private JsonNode stats(HttpServerRequest request, StatsQueries queries) {
        String targetId = request.param("id");
        Map<String, List<String>> params = new QueryStringDecoder(request.uri()).parameters();
        Duration window = window(first(params, "window"));
        Instant now = clock.instant();
        Instant to = instant("to", first(params, "to"), now);
        Instant from = instant("from", first(params, "from"), to.minus(Duration.ofHours(1)));
        if (!from.isBefore(to)) {
            throw new BadRequest("from must be before to");
        }
        String region = first(params, "region") == null ? WindowStatsProcessor.ALL_REGIONS : first(params, "region");
        if (queries.streak(targetId).isEmpty()) {
            throw new NotFound("no stats for target '" + targetId + "'");
        }
        ArrayNode series = mapper.createArrayNode();
        long nowMillis = now.toEpochMilli();
        for (WindowAccumulator state : queries.series(targetId, region, window, from, to)) {
            boolean closed = state.getWindowStart() + state.getWindowSize() <= nowMillis;
            series.add(json.windowStats(Accumulators.toStats(state, closed, nowMillis)));
        }
        return series;
    }

    private Duration window(String text) {
        if (text == null) {
            return queries.windows().get(0);
        }
        try {
            Duration window = Durations.parse(text);
            if (queries.windows().contains(window)) {
                return window;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new BadRequest("window must be one of " + queries.windows().stream().map(Durations::format)
                .collect(Collectors.joining(", ")) + ", got '" + text + "'");
    }

    private static Instant instant(String name, String text, Instant fallback) {
        if (text == null) {
            return fallback;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadRequest(name + " must be an ISO-8601 instant such as 2026-11-26T10:00:00Z, got '" + text + "'");
        }
    }

    static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    static <T> Mono<T> offEventLoop(Callable<T> query) {
        // State stores read RocksDB: disk I/O in native code, which BlockHound cannot see. Off the event loop.
        return Mono.fromCallable(query).subscribeOn(Schedulers.boundedElastic());
    }

    private Mono<Void> respond(HttpServerResponse response, Mono<Reply> replies) {
        return replies
                .onErrorResume(BadRequest.class, e -> Mono.just(new Reply(400, json.error(e.getMessage()))))
                .onErrorResume(NotFound.class, e -> Mono.just(new Reply(404, json.error(e.getMessage()))))
                .onErrorResume(InvalidStateStoreException.class, e -> Mono.just(new Reply(503,
                        json.error("stats are not available yet: " + e.getMessage()))))
                .flatMap(reply -> response.status(reply.status()).header("content-type", "application/json")
                        .header("cache-control", "no-store")
                        .sendString(Mono.just(reply.body().toString())).then());
    }

    private record Reply(int status, JsonNode body) {
        static Reply ok(JsonNode body) {
            return new Reply(200, body);
        }
    }

    private static final class BadRequest extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadRequest(String message) {
            super(message, null, false, false);
        }
    }

    private static final class NotFound extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotFound(String message) {
            super(message, null, false, false);
        }
    }
}
