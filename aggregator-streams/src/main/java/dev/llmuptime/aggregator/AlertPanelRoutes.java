package dev.llmuptime.aggregator;

import static dev.llmuptime.aggregator.StatusRoutes.send;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.time.Clock;
import java.time.Instant;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;

/**
 * The dashboard's alerts, read from the alerts topic that every instance keeps whole:
 * {@code GET /api/v1/dashboard/alerts} (firing, acknowledged, silenced or held, and resolved within a
 * day) and {@code GET /api/v1/dashboard/incidents/{alertId}} (one episode's timeline and evidence).
 */
final class AlertPanelRoutes {

    private final RecentAlerts alerts;
    private final IncidentJson json;
    private final ObjectMapper mapper;
    private final Clock clock;

    AlertPanelRoutes(RecentAlerts alerts, ObjectMapper mapper, Clock clock) {
        this.alerts = alerts;
        this.json = new IncidentJson(mapper);
        this.mapper = mapper;
        this.clock = clock;
    }

    HttpServerRoutes addTo(HttpServerRoutes routes) {
        return routes
                .get("/api/v1/dashboard/alerts", (request, response) -> sendJson(response, 200,
                        json.panel(alerts.panel(clock.instant())).toString()))
                .get("/api/v1/dashboard/incidents/{alertId}", this::incident);
    }

    private Mono<Void> incident(HttpServerRequest request, HttpServerResponse response) {
        String alertId = QueryStringDecoder.decodeComponent(request.param("alertId"));
        Instant now = clock.instant();
        return alerts.incident(alertId)
                .map(incident -> sendJson(response, 200, json.incident(incident, now).toString()))
                .orElseGet(() -> sendJson(response, 404, mapper.createObjectNode().put("error", "no incident '"
                        + alertId + "' firing or ended in the last " + RecentAlerts.HORIZON.toDays() + " days")
                        .toString()));
    }

    private static Mono<Void> sendJson(HttpServerResponse response, int status, String body) {
        return send(response, status, "application/json", "no-store", body);
    }
}
