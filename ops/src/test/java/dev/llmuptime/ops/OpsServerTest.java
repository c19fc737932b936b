package dev.llmuptime.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class OpsServerTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void healthFollowsTheServiceAndMetricsAreInPrometheusFormat() throws Exception {
        PrometheusMeterRegistry registry = Metrics.newRegistry("test-service");
        registry.counter("llm.things", "kind", "a").increment(3);
        AtomicReference<Health> health = new AtomicReference<>(Health.down("Kafka at localhost:9092 not \"reachable\""));

        try (OpsServer server = OpsServer.start("127.0.0.1", 0, registry, health::get)) {
            HttpResponse<String> down = get(server, "/health");
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.body()).isEqualTo("{\"status\":\"DOWN\",\"detail\":\"Kafka at localhost:9092 not \\\"reachable\\\"\"}");

            health.set(Health.up("ok"));
            assertThat(get(server, "/health").statusCode()).isEqualTo(200);

            HttpResponse<String> metrics = get(server, "/metrics");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("content-type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/plain"));
            assertThat(metrics.body()).contains("llm_things_total{kind=\"a\",service=\"test-service\"} 3.0",
                    "jvm_memory_used_bytes", "process_uptime_seconds");
            assertThat(get(server, "/nothing").statusCode()).isEqualTo(404);
        }
    }

    private HttpResponse<String> get(OpsServer server, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
