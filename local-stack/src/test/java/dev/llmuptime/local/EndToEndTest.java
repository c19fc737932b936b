package dev.llmuptime.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmuptime.aggregator.AggregatorService;
import dev.llmuptime.alert.AlertService;
import dev.llmuptime.alert.Signature;
import dev.llmuptime.config.ConfigLoader;
import dev.llmuptime.config.MonitorConfig;
import dev.llmuptime.simulator.Fault;
import dev.llmuptime.simulator.FaultMode;
import dev.llmuptime.simulator.Pacing;
import dev.llmuptime.simulator.SimulatedProvider;
import dev.llmuptime.testkit.KafkaCluster;
import dev.llmuptime.testkit.SharedKafka;
import dev.llmuptime.testkit.WebhookReceiver;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole system: the broker, the simulated provider and the three services, each started on
 * its own and talking only through Kafka and HTTP. An outage of one model gives a signed FIRING
 * naming it and shows in the stats API; its end gives a RESOLVED; the other models raise nothing.
 */
@ExtendWith(SharedKafka.class)
class EndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "whsec-e2e";

    @TempDir
    Path work;

    private final List<AutoCloseable> parts = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() throws Exception {
        for (int i = parts.size() - 1; i >= 0; i--) {
            parts.get(i).close();
        }
    }

    @Test
    void anOutageOfOneModelFiresAndResolvesForThatModelOnly(KafkaCluster kafka) throws Exception {
        SimulatedProvider sim = add(SimulatedProvider.start("127.0.0.1", 0, SimulatedProvider.DEFAULT_MODELS,
                new Pacing(Duration.ofMillis(20), Duration.ofMillis(5)), RandomGenerator.getDefault()));
        WebhookReceiver receiver = add(new WebhookReceiver());
        String base = kafka.uniqueName("e2e");
        MonitorConfig config = new ConfigLoader(name -> null).parse("""
                kafka:
                  bootstrap-servers: %s
                  topics: {probe-results: %s.results, stats: %s.stats, alerts: %s.alerts}
                  partitions: 2
                  client: {application.id: %s-aggregator, state.dir: "%s"}
                probes:
                  http-port: 0
                  targets:
                    - {id: sim-small-chat-stream, provider: openai-compatible, base-url: "%s", model: sim-small, check: chat-stream, interval: 1s}
                    - {id: sim-large-chat, provider: openai-compatible, base-url: "%s", model: sim-large, check: chat, interval: 1s}
                    - {id: sim-embed-embeddings, provider: openai-compatible, base-url: "%s", model: sim-embed, check: embeddings, interval: 1s}
                aggregation:
                  windows: [1m, 5m]
                  grace: 2s
                  http-port: 0
                alerts:
                  http-port: 0
                  webhooks:
                    - {name: ops, url: "http://127.0.0.1:%d/hook", format: generic, secret: %s}
                """.formatted(kafka.bootstrapServers(), base, base, base, base, work.resolve("state"), sim.baseUrl(),
                sim.baseUrl(), sim.baseUrl(), receiver.port(), SECRET), "e2e.yaml");

        InProcessServices services = add(new InProcessServices());
        AggregatorService aggregator = services.aggregator(config);
        AlertService alerting = services.alerting(config);
        await().atMost(Duration.ofSeconds(60)).until(() -> alerting.health().up());
        services.prober(config);

        String api = "http://127.0.0.1:" + aggregator.httpPort() + "/api/v1/targets";
        await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> {
            JsonNode targets = JSON.readTree(get(api));
            return targets.size() == 3 && allStatus(targets, "up");
        });

        sim.setFault(new Fault("sim-large", FaultMode.ERROR, 503, null, null));
        await().atMost(Duration.ofSeconds(60)).until(() -> signedAlerts(receiver).size() == 1);
        JsonNode firing = signedAlerts(receiver).get(0);
        assertThat(firing.path("status").asText()).isEqualTo("FIRING");
        assertThat(firing.path("rule").asText()).isEqualTo("down");
        assertThat(firing.path("targetId").asText()).isEqualTo("sim-large-chat");
        assertThat(firing.path("model").asText()).isEqualTo("sim-large");
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
            JsonNode large = target(JSON.readTree(get(api)), "sim-large-chat");
            return large.path("status").asText().equals("down") && large.path("uptime").path("1h").asDouble() < 1.0;
        });

        sim.setFault(Fault.healthy(Fault.ALL_MODELS));
        await().atMost(Duration.ofSeconds(60)).until(() -> signedAlerts(receiver).size() == 2);
        List<JsonNode> alerts = signedAlerts(receiver);
        JsonNode resolved = alerts.get(1);
        assertThat(resolved.path("status").asText()).isEqualTo("RESOLVED");
        assertThat(resolved.path("alertId").asText()).isEqualTo(firing.path("alertId").asText());
        assertThat(alerts).allSatisfy(alert -> assertThat(alert.path("targetId").asText()).isEqualTo("sim-large-chat"));
        assertThat(receiver.requests()).allMatch(EndToEndTest::signed, "signed");
    }

    /** The alerts the receiver got with a valid signature, in order of arrival. */
    private static List<JsonNode> signedAlerts(WebhookReceiver receiver) throws Exception {
        List<JsonNode> alerts = new ArrayList<>();
        for (WebhookReceiver.Request request : receiver.requests()) {
            if (signed(request)) {
                alerts.add(JSON.readTree(request.body()));
            }
        }
        return alerts;
    }

    private static boolean signed(WebhookReceiver.Request request) {
        return Signature.verify(request.header(Signature.HEADER), request.bodyBytes(), SECRET);
    }

    private String get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString(
                StandardCharsets.UTF_8)).body();
    }

    private static boolean allStatus(JsonNode targets, String status) {
        for (JsonNode target : targets) {
            if (!target.path("status").asText().equals(status)) {
                return false;
            }
        }
        return true;
    }

    private static JsonNode target(JsonNode targets, String id) {
        for (JsonNode target : targets) {
            if (target.path("targetId").asText().equals(id)) {
                return target;
            }
        }
        throw new AssertionError("no target " + id + " in " + targets);
    }

    private <T extends AutoCloseable> T add(T part) {
        parts.add(part);
        return part;
    }
}
