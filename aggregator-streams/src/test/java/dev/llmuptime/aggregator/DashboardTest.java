package dev.llmuptime.aggregator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/** The dashboard's page and assets, served from memory on the event loop (under BlockHound, as every test here). */
class DashboardTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private DisposableServer server;

    @BeforeEach
    void start() {
        Map<String, Duration> rangeWindows = new LinkedHashMap<>();
        rangeWindows.put("1h", Duration.ofMinutes(1));
        rangeWindows.put("24h", Duration.ofMinutes(5));
        rangeWindows.put("7d", Duration.ofHours(1));
        Dashboard dashboard = new Dashboard(rangeWindows, "24h");
        server = HttpServer.create().host("127.0.0.1").port(0).route(dashboard::addTo).bindNow();
    }

    @AfterEach
    void stop() {
        server.disposeNow(Duration.ofSeconds(5));
    }

    @Test
    void servesThePagesWithTheirChartWindowsAndEveryAsset() throws Exception {
        HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
        assertThat(page.body()).contains("<meta name=\"chart-window\" content=\"5m\">",
                "<meta name=\"range-windows\" content=\"1h=1m,24h=5m,7d=1h\">",
                "<meta name=\"default-range\" content=\"24h\">");
        HttpResponse<String> incident = get("/incidents/down%3Asim-chat%3A1764400000000");
        assertThat(incident.statusCode()).isEqualTo(200);
        assertThat(incident.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
        assertThat(incident.body()).contains("<script src=\"/incident.js\"></script>");

        Map<String, String> assets = Map.of("/dashboard.js", "text/javascript", "/dashboard.css", "text/css",
                "/common.js", "text/javascript", "/alerts-panel.js", "text/javascript", "/incident.js",
                "text/javascript", "/assets/uplot/uPlot.iife.min.js", "text/javascript",
                "/assets/uplot/uPlot.min.css", "text/css");
        for (Map.Entry<String, String> asset : assets.entrySet()) {
            HttpResponse<String> response = get(asset.getKey());
            assertThat(response.statusCode()).as(asset.getKey()).isEqualTo(200);
            assertThat(response.headers().firstValue("content-type")).as(asset.getKey()).hasValue(asset.getValue());
            assertThat(response.body()).as(asset.getKey()).isNotBlank();
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
