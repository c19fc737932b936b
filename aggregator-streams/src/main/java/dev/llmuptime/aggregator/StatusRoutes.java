package dev.llmuptime.aggregator;

import static dev.llmuptime.aggregator.StatsApi.first;
import static dev.llmuptime.aggregator.StatsApi.offEventLoop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;

/**
 * The public face of the aggregator: {@code GET /status} (the status page), {@code GET /api/v1/status}
 * (its data as JSON, which the instances also ask each other for), and the badges
 * {@code GET /badges/{id}/uptime.svg?window=24h} and {@code /badges/{id}/status.svg}. Any instance
 * answers for every target, gathering from the others as {@code /api/v1/targets} does; an answer
 * that misses an instance says so without naming it, since these pages are meant to be public.
 */
final class StatusRoutes {

    private static final String PATH = "/api/v1/status";
    private static final Pattern PUBLIC = Pattern.compile(
            "/status|/status\\.css|/api/v1/status|/badges/[^/]+/(uptime|status)\\.svg");
    private static final String PAGE_POLICY = "default-src 'none'; style-src 'self'; img-src 'self' data:; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final PublicStatuses statuses;
    private final RecentAlerts alerts;
    private final ClusterMetadata cluster;
    private final ClusterTargets clusterTargets;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final String style;

    StatusRoutes(PublicStatuses statuses, RecentAlerts alerts, ClusterMetadata cluster, Peers peers,
            ObjectMapper mapper, Clock clock) {
        this.statuses = statuses;
        this.alerts = alerts;
        this.cluster = cluster;
        this.clusterTargets = new ClusterTargets(cluster, peers, mapper);
        this.mapper = mapper;
        this.clock = clock;
        this.style = new String(Dashboard.read("/dev/llmuptime/aggregator/status/status.css"),
                StandardCharsets.UTF_8);
    }

    /** Whether {@code path} is the status page's or a badge's, which {@code http.public-status} keeps open. */
    static boolean isPublic(String path) {
        return PUBLIC.matcher(path).matches();
    }

    HttpServerRoutes addTo(HttpServerRoutes routes) {
        return routes
                .get(PATH, this::json)
                .get("/status", (request, response) -> page(response))
                .get("/status.css", (request, response) -> send(response, 200, "text/css", "public, max-age=300", style))
                .get("/badges/{id}/uptime.svg", this::uptimeBadge)
                .get("/badges/{id}/status.svg", (request, response) -> badge(response, request.param("id"),
                        target -> Badge.status(target.state())));
    }

    /** The public statuses of every instance (or of one target), and whether an instance was missing. */
    private record Gathered(List<PublicTargetStatus> targets, boolean partial) {
    }

    private Mono<Gathered> gather(Optional<String> targetId, boolean localOnly) {
        Mono<JsonNode> local = offEventLoop(() -> {
            ArrayNode list = mapper.createArrayNode();
            statuses.local(targetId).forEach(status -> list.add(status.toJson(mapper)));
            return list;
        });
        String path = PATH + targetId.map(id -> "?target=" + URLEncoder.encode(id, StandardCharsets.UTF_8)).orElse("");
        Mono<JsonNode> answer = localOnly ? local : offEventLoop(cluster::instances)
                .flatMap(instances -> instances.size() <= 1 ? local : clusterTargets.gather(path, local, instances));
        return answer.map(json -> {
            boolean partial = json.path("partial").asBoolean(false);
            List<PublicTargetStatus> targets = new ArrayList<>();
            (partial ? json.path("targets") : json).forEach(target -> targets.add(PublicTargetStatus.fromJson(target)));
            return new Gathered(targets, partial);
        });
    }

    private Mono<Void> json(HttpServerRequest request, HttpServerResponse response) {
        Map<String, List<String>> params = new QueryStringDecoder(request.uri()).parameters();
        Optional<String> target = Optional.ofNullable(first(params, "target"));
        return gather(target, "true".equals(first(params, "local"))).map(gathered -> {
            ArrayNode list = mapper.createArrayNode();
            gathered.targets().forEach(status -> list.add(status.toJson(mapper)));
            if (!gathered.partial()) {
                return (JsonNode) list;
            }
            ObjectNode partial = mapper.createObjectNode().put("partial", true);
            partial.set("targets", list);
            return partial;
        }).flatMap(body -> send(response, 200, "application/json", "no-store", body.toString()))
                .onErrorResume(InvalidStateStoreException.class, e -> send(response, 503, "application/json",
                        "no-store", mapper.createObjectNode().put("error", "status is not available yet").toString()));
    }

    private Mono<Void> page(HttpServerResponse response) {
        return gather(Optional.empty(), false)
                .map(gathered -> StatusPage.render(gathered.targets(), gathered.partial(),
                        alerts.recent(clock.instant()), clock.instant()))
                .flatMap(html -> send(response.header("content-security-policy", PAGE_POLICY), 200,
                        "text/html; charset=utf-8", "public, max-age=30", html))
                .onErrorResume(InvalidStateStoreException.class, e -> send(response, 503, "text/plain; charset=utf-8",
                        "no-store", "The status is not available yet: the monitor is starting. Try again shortly.\n"));
    }

    private Mono<Void> uptimeBadge(HttpServerRequest request, HttpServerResponse response) {
        String label = first(new QueryStringDecoder(request.uri()).parameters(), "window");
        Optional<UptimeWindow> window = UptimeWindow.parse(label == null ? UptimeWindow.DAY.label() : label);
        if (window.isEmpty()) {
            return send(response, 400, "text/plain; charset=utf-8", "no-store", "window must be one of "
                    + UptimeWindow.labels() + ", got '" + label + "'\n");
        }
        return badge(response, request.param("id"),
                target -> Badge.uptime(window.get(), target.uptime().get(window.get())));
    }

    private Mono<Void> badge(HttpServerResponse response, String targetId, Function<PublicTargetStatus, Badge> render) {
        return gather(Optional.of(targetId), false).flatMap(gathered -> {
            Optional<PublicTargetStatus> target = gathered.targets().stream()
                    .filter(status -> status.targetId().equals(targetId)).findFirst();
            if (target.isPresent()) {
                return send(response, 200, "image/svg+xml", "public, max-age=60", render.apply(target.get()).svg());
            }
            return gathered.partial()
                    ? send(response, 503, "text/plain; charset=utf-8", "no-store",
                            "the monitoring data of target '" + targetId + "' cannot be reached just now\n")
                    : send(response, 404, "text/plain; charset=utf-8", "no-store", "no target '" + targetId + "'\n");
        }).onErrorResume(InvalidStateStoreException.class, e -> send(response, 503, "text/plain; charset=utf-8",
                "no-store", "the status is not available yet\n"));
    }

    /**
     * Never answers within the handler's own call: reactor-netty 1.3.7 stops reading a keep-alive
     * connection when a request that waited behind another is answered synchronously
     * (reactor/reactor-netty#4361), and the client's next request on it then hangs.
     */
    static Mono<Void> send(HttpServerResponse response, int status, String type, String cache, String body) {
        return Mono.defer(() -> response.status(status).header("content-type", type).header("cache-control", cache)
                        .header("x-content-type-options", "nosniff")
                        .sendByteArray(Mono.just(body.getBytes(StandardCharsets.UTF_8))).then())
                .subscribeOn(Schedulers.boundedElastic());
    }

}
