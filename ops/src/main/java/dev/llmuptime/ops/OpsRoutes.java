package dev.llmuptime.ops;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRoutes;

/**
 * {@code GET /metrics} (Prometheus text format) and {@code GET /health} (200 when up, 503
 * otherwise, with a JSON reason), for any service's HTTP server.
 */
public final class OpsRoutes {

    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private OpsRoutes() {
    }

    public static HttpServerRoutes add(HttpServerRoutes routes, MeterRegistry registry,
            Supplier<Health> health) {
        return routes
                .get("/metrics", (request, response) -> response.header("content-type", PROMETHEUS_TEXT)
                        .sendString(Mono.fromCallable(Metrics.scrapeable(registry)::scrape)))
                .get("/health", (request, response) -> {
                    Health now = health.get();
                    return response.status(now.up() ? 200 : 503).header("content-type", "application/json")
                            .sendString(Mono.just("{\"status\":\"" + (now.up() ? "UP" : "DOWN") + "\",\"detail\":"
                                    + jsonString(now.detail()) + "}"));
                });
    }

    static String jsonString(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : String.valueOf(text).toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }
}
