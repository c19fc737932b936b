package dev.llmuptime.aggregator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmuptime.config.ConfigLoader;
import dev.llmuptime.config.MonitorConfig;
import dev.llmuptime.schema.AlertEvent;
import dev.llmuptime.schema.AlertEventSerde;
import dev.llmuptime.schema.AlertStatus;
import dev.llmuptime.schema.Outcome;
import dev.llmuptime.schema.ProbeResult;
import dev.llmuptime.schema.ProbeResultSerde;
import dev.llmuptime.testkit.KafkaCluster;
import dev.llmuptime.testkit.ProbeResults;
import dev.llmuptime.testkit.SharedKafka;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /status}, {@code /api/v1/status} and the badges over real HTTP, against a real broker: the
 * stats come from probe results, the incidents from the alerts topic, and no secret or internal
 * address of the configuration ever shows.
 */
@ExtendWith(SharedKafka.class)
class StatusHttpTest {

    static final String API_KEY = "sk-statuspage-7f3c1e9a";
    static final String BASE_URL_HOST = "llm-gateway.internal.example";
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final RunningAggregator aggregator = new RunningAggregator();

    @BeforeEach
    void start(KafkaCluster kafka, @TempDir Path stateDir) throws Exception {
        feed(kafka, aggregator.start(kafka, stateDir), Instant.now());
    }

    @Test
    void statusJsonAndPageShowEveryTargetAndTheIncidentsReadFromTheAlertsTopic() throws Exception {
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
            JsonNode status = JSON.readTree(get("/api/v1/status").body());
            assertThat(status.isArray()).as("a complete answer is a bare list").isTrue();
            assertThat(status).extracting(target -> target.path("targetId").asText())
                    .containsExactly("sim-chat", "sim-down");
            assertThat(status.get(1).path("state").asText()).isEqualTo("down");
        });
        JsonNode status = JSON.readTree(get("/api/v1/status").body());
        JsonNode chat = status.get(0);
        assertThat(chat.path("provider").asText()).isEqualTo("openai-compatible");
        assertThat(chat.path("model").asText()).isEqualTo("sim-small");
        assertThat(chat.path("state").asText()).isEqualTo("operational");
        assertThat(chat.path("uptime").path("24h").asDouble()).isEqualTo(1.0);
        assertThat(chat.path("days")).hasSize(90);
        assertThat(chat.path("days").get(89).path("probes").asLong()).isEqualTo(2);
        assertThat(chat.path("days").get(0).path("uptime").isNull()).as("a day without data").isTrue();
        assertThat(status.get(1).path("uptime").path("1h").asDouble()).isZero();

        // The alerts topic is read by a consumer of its own: wait for the incidents.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(get("/status").body())
                .contains("down on sim-down").contains("resolved: down on sim-chat"));
        HttpResponse<String> page = get("/status");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
        assertThat(page.headers().firstValue("content-security-policy")).hasValueSatisfying(policy ->
                assertThat(policy).startsWith("default-src 'none'"));
        assertThat(page.body()).contains("Some systems down", "sim-small", "sim-large", "openai-compatible")
                .containsSubsequence("data-alert=\"down-sim-down\" data-status=\"ongoing\"",
                        "data-alert=\"down-sim-chat\" data-status=\"resolved\"");
        HttpResponse<String> style = get("/status.css");
        assertThat(style.statusCode()).isEqualTo(200);
        assertThat(style.headers().firstValue("content-type")).hasValue("text/css");
        aggregator.http().assertNoSecretShown();
    }

    @Test
    void badgesAnswerSvgForEveryWindowAndClearErrorsOtherwise() throws Exception {
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() ->
                get("/badges/sim-down/status.svg").body().contains(">down<"));

        for (String window : List.of("1h", "24h", "7d", "30d")) {
            HttpResponse<String> badge = get("/badges/sim-chat/uptime.svg?window=" + window);
            assertThat(badge.statusCode()).as(window).isEqualTo(200);
            assertThat(badge.headers().firstValue("content-type")).hasValue("image/svg+xml");
            assertThat(badge.headers().firstValue("cache-control")).hasValue("public, max-age=60");
            assertThat(badge.body()).startsWith("<svg").contains(">uptime " + window + "<", ">100%<", "#4c1");
        }
        assertThat(get("/badges/sim-down/uptime.svg").body()).as("24h by default")
                .contains(">uptime 24h<", ">0.00%<", "#e05d44");
        HttpResponse<String> status = get("/badges/sim-chat/status.svg");
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.headers().firstValue("content-type")).hasValue("image/svg+xml");
        assertThat(status.body()).contains(">status<", ">operational<");

        HttpResponse<String> badWindow = get("/badges/sim-chat/uptime.svg?window=2d");
        assertThat(badWindow.statusCode()).isEqualTo(400);
        assertThat(badWindow.body()).isEqualTo("window must be one of 1h, 24h, 7d, 30d, got '2d'\n");
        assertThat(get("/badges/nobody/uptime.svg").statusCode()).isEqualTo(404);
        HttpResponse<String> unknown = get("/badges/nobody/status.svg");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo("no target 'nobody'\n");
        aggregator.http().assertNoSecretShown();

        // One keep-alive connection, requests in a row: an error answered at once must not stall the next one.
        for (int round = 0; round < 30; round++) {
            assertThat(get("/badges/sim-chat/uptime.svg?window=1h").statusCode()).isEqualTo(200);
            assertThat(get("/badges/sim-chat/uptime.svg?window=2d").statusCode()).isEqualTo(400);
            assertThat(get("/badges/nobody/uptime.svg").statusCode()).isEqualTo(404);
            assertThat(get("/status.css").statusCode()).isEqualTo(200);
        }
    }


    private HttpResponse<String> get(String path) throws Exception {
        return aggregator.http().get(path);
    }

    /** The topics of one test. */
    record Topics(String results, String alerts) {
        /** Fresh names; the alerts topic, which the alert consumer would create, is left to the test. */
        static Topics unique(KafkaCluster kafka) {
            return new Topics(kafka.uniqueName("llm.probe.results"), kafka.uniqueName("llm.alerts"));
        }
    }

    /** A configuration whose target has a distinctive key and internal base URL, which must never show. */
    static MonitorConfig config(KafkaCluster kafka, Topics topics, Path stateDir) {
        return new ConfigLoader(name -> null).parse("""
                kafka:
                  bootstrap-servers: %s
                  topics: {probe-results: %s, stats: %s, alerts: %s}
                  partitions: 2
                  client: {application.id: %s, state.dir: "%s"}
                probes:
                  targets:
                    - id: sim-chat
                      provider: openai-compatible
                      base-url: http://%s:7443/v1
                      api-key: %s
                      model: sim-small
                      check: chat
                aggregation:
                  windows: [1m, 5m, 1h]
                  grace: 5s
                  http-port: 0
                """.formatted(kafka.bootstrapServers(), topics.results(), topics.results() + ".stats",
                topics.alerts(), topics.results() + "-app", stateDir, BASE_URL_HOST, API_KEY), "test.yaml");
    }

    /**
     * Two up probes of {@code sim-chat} and two failed ones of {@code sim-down}; an ongoing incident on
     * sim-down, a resolved one on sim-chat, and a record the reader must skip.
     */
    static void feed(KafkaCluster kafka, Topics topics, Instant now) throws Exception {
        try (KafkaProducer<String, ProbeResult> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                kafka.bootstrapServers()), new StringSerializer(), new ProbeResultSerde().serializer())) {
            for (ProbeResult result : List.of(
                    probe("sim-chat", "sim-small", now.minusSeconds(4), Outcome.SUCCESS),
                    probe("sim-chat", "sim-small", now.minusSeconds(2), Outcome.SUCCESS),
                    probe("sim-down", "sim-large", now.minusSeconds(3), Outcome.SERVER_ERROR),
                    probe("sim-down", "sim-large", now.minusSeconds(1), Outcome.SERVER_ERROR))) {
                producer.send(new ProducerRecord<>(topics.results(), null, result.getStartedAt().toEpochMilli(),
                        result.getTargetId(), result)).get();
            }
        }
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                kafka.bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            AlertEventSerde serde = new AlertEventSerde();
            Instant earlier = now.minus(Duration.ofHours(3));
            List<AlertEvent> alerts = List.of(
                    RecentAlertsTest.alert("down-sim-chat", AlertStatus.FIRING, "sim-chat", earlier, null),
                    RecentAlertsTest.alert("down-sim-chat", AlertStatus.RESOLVED, "sim-chat", earlier,
                            earlier.plus(Duration.ofMinutes(12))),
                    RecentAlertsTest.alert("down-sim-down", AlertStatus.FIRING, "sim-down", now.minusSeconds(1), null));
            for (AlertEvent alert : alerts) {
                if (alert.getTargetId().equals("sim-down")) {
                    // Ahead of it in its partition: showing the incident proves the reader went past.
                    producer.send(new ProducerRecord<>(topics.alerts(), "sim-down",
                            "not an alert".getBytes(StandardCharsets.UTF_8))).get();
                }
                producer.send(new ProducerRecord<>(topics.alerts(), alert.getTargetId(),
                        serde.serializer().serialize(topics.alerts(), alert))).get();
            }
        }
    }

    private static ProbeResult probe(String target, String model, Instant at, Outcome outcome) {
        return ProbeResults.of(target, at, outcome).setProvider("openai-compatible").setModel(model).build();
    }
}
