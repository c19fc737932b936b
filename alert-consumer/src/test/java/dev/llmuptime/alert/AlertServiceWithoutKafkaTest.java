package dev.llmuptime.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.llmuptime.config.ConfigLoader;
import dev.llmuptime.config.MonitorConfig;
import dev.llmuptime.embedded.kafka.FreePort;
import dev.llmuptime.ops.Metrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The alert consumer while no broker answers: it serves /health, /metrics and the alerts API, and they say why it waits. */
class AlertServiceWithoutKafkaTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void healthAndMetricsReportWhyItsTopicsCannotBeCreated() throws Exception {
        String bootstrap = "localhost:" + FreePort.pick();
        MonitorConfig config = new ConfigLoader(name -> null).parse("""
                kafka: {bootstrap-servers: "%s"}
                alerts: {http-port: 0}
                """.formatted(bootstrap), "test.yaml");
        PrometheusMeterRegistry registry = Metrics.newRegistry("alert-consumer");

        try (AlertService service = new AlertService(config, "127.0.0.1", Clock.systemUTC(), registry)) {
            service.start();
            assertThatThrownBy(service::start).isInstanceOf(IllegalStateException.class);
            await().atMost(Duration.ofSeconds(60)).until(() -> registry.counter("llm.topic.setup.failures").count() >= 1);

            HttpResponse<String> health = get(service, "/health");
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).startsWith("{\"status\":\"DOWN\",\"detail\":\"Kafka at " + bootstrap
                    + " not reachable yet (cannot create topic ");
            assertThat(get(service, "/metrics").body())
                    .containsPattern("llm_topic_setup_failures_total\\{service=\"alert-consumer\"} [1-9]");
            HttpResponse<String> alerts = get(service, "/api/v1/alerts");
            assertThat(alerts.statusCode()).isEqualTo(503);
            assertThat(alerts.body()).isEqualTo("{\"error\":\"still reading the acknowledgements, silences and firing alerts\"}");
        }
    }

    private HttpResponse<String> get(AlertService service, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.opsPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
