package dev.llmuptime.aggregator;

import dev.llmuptime.config.Durations;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;

/**
 * The dashboard page, the incident page ({@code /incidents/{alertId}}), their scripts and style, and
 * the uPlot charting library from its webjar: all served by the aggregator itself, so the pages work
 * with no access to the internet.
 */
final class Dashboard {

    private static final String BASE = "/dev/llmuptime/aggregator/dashboard/";

    /** The scripts of the pages, by the name they are served under. */
    private static final List<String> SCRIPTS = List.of("common.js", "dashboard.js", "alerts-panel.js", "incident.js");

    private final String index;
    private final byte[] incident;
    private final Map<String, byte[]> scripts = new LinkedHashMap<>();
    private final byte[] style;
    private final byte[] uplotScript;
    private final byte[] uplotStyle;

    /**
     * @param rangeWindows the window size the charts of each range of the selector use, by the range's
     *                     label ({@code 1h}, {@code 24h}, {@code 7d}), in the selector's order
     * @param defaultRange the range shown first
     */
    Dashboard(Map<String, Duration> rangeWindows, String defaultRange) {
        this.index = new String(read(BASE + "index.html"), StandardCharsets.UTF_8)
                .replace("{{rangeWindows}}", rangeWindows.entrySet().stream()
                        .map(range -> range.getKey() + "=" + Durations.format(range.getValue()))
                        .collect(Collectors.joining(",")))
                .replace("{{defaultRange}}", defaultRange)
                .replace("{{chartWindow}}", Durations.format(rangeWindows.get(defaultRange)));
        this.incident = read(BASE + "incident.html");
        SCRIPTS.forEach(name -> scripts.put(name, read(BASE + name)));
        this.style = read(BASE + "dashboard.css");
        String uplot = "/META-INF/resources/webjars/uplot/" + uplotVersion() + "/dist/";
        this.uplotScript = read(uplot + "uPlot.iife.min.js");
        this.uplotStyle = read(uplot + "uPlot.min.css");
    }

    HttpServerRoutes addTo(HttpServerRoutes routes) {
        for (Map.Entry<String, byte[]> script : scripts.entrySet()) {
            routes.get("/" + script.getKey(), (request, response) -> send(response, "text/javascript", script.getValue()));
        }
        return routes
                .get("/", (request, response) -> send(response, "text/html; charset=utf-8",
                        index.getBytes(StandardCharsets.UTF_8)))
                .get("/incidents/{alertId}", (request, response) -> send(response, "text/html; charset=utf-8", incident))
                .get("/dashboard.css", (request, response) -> send(response, "text/css", style))
                .get("/assets/uplot/uPlot.iife.min.js", (request, response) -> send(response, "text/javascript",
                        uplotScript))
                .get("/assets/uplot/uPlot.min.css", (request, response) -> send(response, "text/css", uplotStyle));
    }

    private static Mono<Void> send(HttpServerResponse response, String type, byte[] body) {
        return response.header("content-type", type).sendByteArray(Mono.just(body)).then();
    }

    private static String uplotVersion() {
        Properties properties = new Properties();
        try (InputStream in = Dashboard.class.getResourceAsStream(BASE + "dashboard.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("uplot.version");
    }

    /** A resource of this module, whole; it must exist. */
    static byte[] read(String resource) {
        try (InputStream in = Dashboard.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
