package dev.llmuptime.aggregator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
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
        Dashboard dashboard = new Dashboard(Duration.ofMinutes(5));
        server = HttpServer.create().host("127.0.0.1").port(0).route(dashboard::addTo).bindNow();
    }

    @AfterEach
    void stop() {
        server.disposeNow(Duration.ofSeconds(5));
    }

    @Test
    void servesThePageWithItsChartWindowAndEveryAsset() throws Exception {
        HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
        assertThat(page.body()).contains("<meta name=\"chart-window\" content=\"5m\">");

        Map<String, String> assets = Map.of("/dashboard.js", "text/javascript", "/dashboard.css", "text/css",
                "/assets/uplot/uPlot.iife.min.js", "text/javascript", "/assets/uplot/uPlot.min.css", "text/css");
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
