package dev.llmuptime.aggregator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.llmuptime.config.ConfigLoader;
import dev.llmuptime.config.MonitorConfig;
import dev.llmuptime.ops.Metrics;
import dev.llmuptime.testkit.KafkaCluster;
import dev.llmuptime.testkit.SharedKafka;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code http.token} the dashboard, its JSON API and {@code /metrics} need the bearer token,
 * while {@code http.public-status} keeps the status page and badges open; the token never shows.
 */
@ExtendWith(SharedKafka.class)
class HttpTokenTest {

    private static final String TOKEN = "dash-token-3c9e7a1f5b2d4e6a";

    @TempDir
    Path stateDir;

    private final HttpClient http = HttpClient.newHttpClient();
    private AggregatorService service;

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void theDashboardAndApiNeedTheTokenWhileTheStatusPageAndBadgesStayPublic(KafkaCluster kafka) throws Exception {
        StatusHttpTest.Topics topics = StatusHttpTest.Topics.unique(kafka);
        kafka.createTopics(2, topics.alerts());
        service = start(kafka, topics, true);
        StatusHttpTest.feed(kafka, topics, Instant.now());

        await().atMost(Duration.ofSeconds(60)).until(() -> get("/api/v1/targets", TOKEN).statusCode() == 200);
        assertThat(get("/", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/targets", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/targets", TOKEN + "0").statusCode()).isEqualTo(403);
        assertThat(get("/metrics", null).statusCode()).isEqualTo(401);
        assertThat(get("/", TOKEN).statusCode()).isEqualTo(200);
        assertThat(get("/metrics", TOKEN).body()).doesNotContain(TOKEN);
        assertThat(get("/health", null).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/badges/sim-chat/status.svg", null).statusCode() == 200);
        HttpResponse<String> page = get("/status", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("sim-chat").doesNotContain(TOKEN);
        assertThat(get("/api/v1/status", null).statusCode()).isEqualTo(200);
    }

    @Test
    void withoutPublicStatusTheStatusPageNeedsTheTokenToo(KafkaCluster kafka) throws Exception {
        service = start(kafka, StatusHttpTest.Topics.unique(kafka), false);

        assertThat(get("/status", null).statusCode()).isEqualTo(401);
        assertThat(get("/badges/sim-chat/status.svg", null).statusCode()).isEqualTo(401);
        assertThat(get("/status", TOKEN).statusCode()).isNotIn(401, 403);
    }

    private AggregatorService start(KafkaCluster kafka, StatusHttpTest.Topics topics, boolean publicStatus) {
        MonitorConfig base = StatusHttpTest.config(kafka, topics, stateDir);
        MonitorConfig config = new MonitorConfig(base.kafka(), base.probes(), base.aggregation(), base.alerts(),
                new ConfigLoader(Map.of("HTTP_TOKEN", TOKEN)::get).parse("http:\n  token: ${HTTP_TOKEN}\n  public-status: "
                        + publicStatus + "\n", "http.yaml").http(), null);
        AggregatorService started = new AggregatorService(config, "127.0.0.1", Clock.systemUTC(),
                Metrics.newRegistry("aggregator"));
        started.start();
        return started;
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.httpPort() + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
