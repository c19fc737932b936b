package dev.llmuptime.aggregator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The status routes before any state exists (no Kafka Streams yet): clear errors, and answers on one
 * keep-alive connection that never stall, whether a route answers at once or after reading stores.
 */
class StatusRoutesTest {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private DisposableServer server;

    @BeforeEach
    void start() {
        StatusRoutes routes = new StatusRoutes(new PublicStatuses(new StatsQueries(() -> null,
                List.of(Duration.ofMinutes(1))), Clock.systemUTC()), new RecentAlerts(),
                new ClusterMetadata(() -> null, () -> new HostInfo("127.0.0.1", 1)), new Peers(Duration.ofSeconds(2)),
                new ObjectMapper(), Clock.systemUTC());
        server = HttpServer.create().host("127.0.0.1").port(0).route(routes::addTo).bindNow();
    }

    @AfterEach
    void stop() {
        server.disposeNow(Duration.ofSeconds(5));
    }

    @Test
    void withoutStateEveryRouteSaysItIsNotAvailableYet() throws Exception {
        HttpResponse<String> page = get("/status");
        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.body()).startsWith("The status is not available yet");
        HttpResponse<String> json = get("/api/v1/status");
        assertThat(json.statusCode()).isEqualTo(503);
        assertThat(json.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(json.body()).isEqualTo("{\"error\":\"status is not available yet\"}");
        assertThat(get("/badges/a/status.svg").statusCode()).isEqualTo(503);
        assertThat(get("/badges/a/uptime.svg?window=7d").statusCode()).isEqualTo(503);
    }

    @Test
    void aBadWindowIsRefusedBeforeAnyStateIsRead() throws Exception {
        HttpResponse<String> badWindow = get("/badges/a/uptime.svg?window=90d");
        assertThat(badWindow.statusCode()).isEqualTo(400);
        assertThat(badWindow.headers().firstValue("content-type")).hasValue("text/plain; charset=utf-8");
        assertThat(badWindow.body()).isEqualTo("window must be one of 1h, 24h, 7d, 30d, got '90d'\n");
    }

    @Test
    void theStyleIsServedWithTheStatusBars() throws Exception {
        HttpResponse<String> style = get("/status.css");
        assertThat(style.statusCode()).isEqualTo(200);
        assertThat(style.headers().firstValue("content-type")).hasValue("text/css");
        assertThat(style.body()).contains(".u-no-data", ".u-excellent");
    }

    @Test
    void answersInARowOnOneConnectionNeverStall() throws Exception {
        for (int round = 0; round < 50; round++) {
            assertThat(get("/badges/a/status.svg").statusCode()).isEqualTo(503);
            assertThat(get("/badges/a/uptime.svg?window=2d").statusCode()).isEqualTo(400);
            assertThat(get("/status.css").statusCode()).isEqualTo(200);
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
