package dev.llmuptime.aggregator;

import dev.llmuptime.config.Durations;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;

/**
 * The dashboard page, its script and style, and the uPlot charting library from its webjar: all
 * served by the aggregator itself, so the page works with no access to the internet.
 */
final class Dashboard {

    private static final String BASE = "/dev/llmuptime/aggregator/dashboard/";

    private final String index;
    private final byte[] script;
    private final byte[] style;
    private final byte[] uplotScript;
    private final byte[] uplotStyle;

    Dashboard(Duration chartWindow) {
        this.index = new String(read(BASE + "index.html"), StandardCharsets.UTF_8)
                .replace("{{chartWindow}}", Durations.format(chartWindow));
        this.script = read(BASE + "dashboard.js");
        this.style = read(BASE + "dashboard.css");
        String uplot = "/META-INF/resources/webjars/uplot/" + uplotVersion() + "/dist/";
        this.uplotScript = read(uplot + "uPlot.iife.min.js");
        this.uplotStyle = read(uplot + "uPlot.min.css");
    }

    HttpServerRoutes addTo(HttpServerRoutes routes) {
        return routes
                .get("/", (request, response) -> send(response, "text/html; charset=utf-8",
                        index.getBytes(StandardCharsets.UTF_8)))
                .get("/dashboard.js", (request, response) -> send(response, "text/javascript", script))
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
