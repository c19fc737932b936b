package dev.llmuptime.aggregator;

import static dev.llmuptime.testkit.TopicReader.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmuptime.config.ConfigLoader;
import dev.llmuptime.config.MonitorConfig;
import dev.llmuptime.ops.Metrics;
import dev.llmuptime.schema.Outcome;
import dev.llmuptime.schema.ProbeResult;
import dev.llmuptime.schema.ProbeResultSerde;
import dev.llmuptime.testkit.KafkaCluster;
import dev.llmuptime.testkit.SharedKafka;
import dev.llmuptime.testkit.TopicReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The aggregator against a real broker: stats, dead letters and the HTTP API, over real HTTP. */
@ExtendWith(SharedKafka.class)
class AggregatorServiceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path stateDir;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private KafkaCluster kafka;
    private AggregatorService service;
    private String resultsTopic;

    @BeforeEach
    void start(KafkaCluster kafka) {
        this.kafka = kafka;
        resultsTopic = kafka.uniqueName("llm.probe.results");
        MonitorConfig config = config(kafka, resultsTopic, stateDir);
        service = new AggregatorService(config, "127.0.0.1", Clock.systemUTC(), Metrics.newRegistry("aggregator"));
        service.start();
    }

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void aggregatesResultsAndServesThemOverTheApi() throws Exception {
        Instant now = Instant.now();
        Instant first = oneMinuteWindowHolding(now.minusSeconds(3), Duration.ofSeconds(2));
        sendResults(List.of(
                result("chat-a", "eu", first, Outcome.SUCCESS, 420L, 120L),
                result("chat-a", "us", first.plusSeconds(1), Outcome.SUCCESS, 380L, 100L),
                result("chat-b", "eu", first.plusSeconds(1), Outcome.SERVER_ERROR, 50L, null),
                result("chat-b", "eu", first.plusSeconds(2), Outcome.SERVER_ERROR, 40L, null)));

        // Until all four results are counted: the targets are listed as soon as the first of each is.
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
            JsonNode listed = targets();
            return listed.size() == 2 && listed.get(0).path("probesLastHour").asLong() == 2
                    && listed.get(1).path("consecutiveFailures").asInt() == 2;
        });
        JsonNode targets = targets();
        JsonNode a = targets.get(0);
        assertThat(a.path("targetId").asText()).isEqualTo("chat-a");
        assertThat(a.path("status").asText()).isEqualTo("up");
        assertThat(a.path("uptime").path("1h").asDouble()).isEqualTo(1.0);
        assertThat(a.path("latency").path("p99").asDouble()).isBetween(370.0, 430.0);
        assertThat(a.path("ttft").path("p50").asDouble()).isBetween(99.0, 121.0);
        assertThat(a.path("probesLastHour").asLong()).isEqualTo(2);
        JsonNode b = targets.get(1);
        assertThat(b.path("status").asText()).isEqualTo("down");
        assertThat(b.path("uptime").path("24h").asDouble()).isZero();
        assertThat(b.path("consecutiveFailures").asInt()).isEqualTo(2);

        JsonNode series = get("/api/v1/targets/chat-a/stats?window=1m&from="
                + URLEncoder.encode(now.minusSeconds(3600).toString(), StandardCharsets.UTF_8)).body();
        assertThat(series).isNotEmpty();
        JsonNode latest = series.get(series.size() - 1);
        assertThat(latest.path("region").asText()).isEqualTo("*");
        assertThat(latest.path("count").asLong()).isEqualTo(2);
        assertThat(latest.path("outcomeCounts").path("SUCCESS").asLong()).isEqualTo(2);
        assertThat(latest.path("windowSize").asLong()).isEqualTo(60_000);
        assertThat(latest.path("latencySketch").asText()).isNotEmpty();
        assertThat(get("/api/v1/targets/chat-a/stats?region=eu").body().get(0).path("count").asLong()).isEqualTo(1);

        assertThat(getText("/health").statusCode()).isEqualTo(200);
        assertThat(getText("/metrics").body()).contains("llm_aggregator_results_processed_total");
    }

    @Test
    void badParametersAreRejectedWithAJsonError() throws Exception {
        sendResults(List.of(result("chat-a", "eu", Instant.now(), Outcome.SUCCESS, 100L, null)));
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> targets().size() == 1);

        Reply badWindow = get("/api/v1/targets/chat-a/stats?window=2m");
        assertThat(badWindow.status()).isEqualTo(400);
        assertThat(badWindow.body().path("error").asText()).isEqualTo("window must be one of 1m, 5m, got '2m'");
        Reply badTime = get("/api/v1/targets/chat-a/stats?from=yesterday");
        assertThat(badTime.status()).isEqualTo(400);
        assertThat(badTime.body().path("error").asText()).startsWith("from must be an ISO-8601 instant");
        Reply reversed = get("/api/v1/targets/chat-a/stats?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z");
        assertThat(reversed.status()).isEqualTo(400);
        assertThat(get("/api/v1/targets/nobody/stats").status()).isEqualTo(404);
    }

    @Test
    void undecodableRecordsGoToTheDeadLetterTopicWithTheirOrigin() throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                kafka.bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(resultsTopic, "chat-a", "garbage".getBytes(StandardCharsets.UTF_8))).get();
        }
        sendResults(List.of(result("chat-a", "eu", Instant.now(), Outcome.SUCCESS, 100L, null)));

        List<ConsumerRecord<String, byte[]>> dead = TopicReader.readUntil(kafka.bootstrapServers(),
                resultsTopic + ".dlq", new StringDeserializer(), new ByteArrayDeserializer(), 1, Duration.ofSeconds(60));
        assertThat(dead).isNotEmpty();
        ConsumerRecord<String, byte[]> record = dead.get(0);
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo("garbage");
        assertThat(record.key()).isEqualTo("chat-a");
        assertThat(header(record, "llm.source.topic")).isEqualTo(resultsTopic);
        assertThat(header(record, "llm.source.partition")).isNotNull();
        assertThat(header(record, "llm.source.offset")).isEqualTo("0");
        assertThat(header(record, "llm.reason")).isEqualTo("undecodable");
        assertThat(header(record, "llm.error")).contains("not an Avro single-object encoded ProbeResult");
        assertThat(record.headers().toArray()).extracting(Header::key).noneMatch(key -> key.startsWith("__streams"));
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> targets().size() == 1);
    }

    static MonitorConfig config(KafkaCluster kafka, String resultsTopic, Path stateDir) {
        return new ConfigLoader(name -> null).parse("""
                kafka:
                  bootstrap-servers: %s
                  topics: {probe-results: %s, stats: %s}
                  partitions: 2
                  client: {application.id: %s, state.dir: "%s"}
                aggregation:
                  windows: [1m, 5m]
                  grace: 5s
                  http-port: 0
                """.formatted(kafka.bootstrapServers(), resultsTopic, resultsTopic + ".stats", resultsTopic + "-app",
                stateDir), "test.yaml");
    }

    private void sendResults(List<ProbeResult> results) throws Exception {
        send(kafka, resultsTopic, results);
    }

    /** Writes {@code results} to {@code topic}, each stamped with its start and keyed by its target. */
    static void send(KafkaCluster kafka, String topic, List<ProbeResult> results) throws Exception {
        try (KafkaProducer<String, ProbeResult> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                kafka.bootstrapServers()), new StringSerializer(), new ProbeResultSerde().serializer())) {
            for (ProbeResult result : results) {
                producer.send(new ProducerRecord<>(topic, null, result.getStartedAt().toEpochMilli(),
                        result.getTargetId(), result)).get();
            }
        }
    }

    private JsonNode targets() throws Exception {
        Reply reply = get("/api/v1/targets");
        assertThat(reply.status()).isEqualTo(200);
        return reply.body();
    }

    private Reply get(String path) throws Exception {
        HttpResponse<String> response = getText(path);
        return new Reply(response.statusCode(), JSON.readTree(response.body()));
    }

    private HttpResponse<String> getText(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.httpPort() + path))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** {@code preferred}, or the latest start before it that keeps {@code span} inside one 1-minute window. */
    private static Instant oneMinuteWindowHolding(Instant preferred, Duration span) {
        Instant windowStart = preferred.plus(span).truncatedTo(ChronoUnit.MINUTES);
        return preferred.isBefore(windowStart) ? windowStart.minus(span).minusSeconds(1) : preferred;
    }

    private record Reply(int status, JsonNode body) {
    }

    static ProbeResult result(String target, String region, Instant startedAt, Outcome outcome, Long latencyMs,
            Long ttftMs) {
        return StatsTopologyTest.result(target, region, startedAt, outcome, latencyMs, ttftMs);
    }
}
