package dev.llmuptime.aggregator;

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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Two aggregator instances of one application: each answers for every target, and one carries on alone. */
@ExtendWith(SharedKafka.class)
class AggregatorClusterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TARGETS = IntStream.range(0, 8).mapToObj(i -> "target-" + i).toList();

    @TempDir
    Path stateDirA;
    @TempDir
    Path stateDirB;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<AggregatorService> services = new ArrayList<>();

    @AfterEach
    void stop() {
        services.forEach(AggregatorService::close);
    }

    @Test
    void everyInstanceAnswersForEveryTargetAndTheSurvivorForAll(KafkaCluster kafka) throws Exception {
        String resultsTopic = kafka.uniqueName("llm.probe.results");
        AggregatorService a = start(config(kafka, resultsTopic, stateDirA));
        AggregatorService b = start(config(kafka, resultsTopic, stateDirB));
        sendResults(kafka, resultsTopic);

        // Each instance holds some of the partitions, and both list every target.
        await().atMost(Duration.ofSeconds(120)).ignoreExceptions().untilAsserted(() -> {
            Set<String> local = new HashSet<>(ids(get(a, "/api/v1/targets?local=true").body()));
            List<String> localB = ids(get(b, "/api/v1/targets?local=true").body());
            assertThat(local).isNotEmpty().doesNotContainAnyElementsOf(localB);
            assertThat(localB).isNotEmpty();
            local.addAll(localB);
            assertThat(local).containsExactlyInAnyOrderElementsOf(TARGETS);
            for (AggregatorService service : List.of(a, b)) {
                JsonNode all = get(service, "/api/v1/targets").body();
                assertThat(all.isArray()).as("a complete answer is a bare list").isTrue();
                assertThat(ids(all)).containsExactlyElementsOf(TARGETS);
            }
        });
        // The public status and the badges of every target, from either instance.
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
            for (AggregatorService service : List.of(a, b)) {
                JsonNode status = get(service, "/api/v1/status").body();
                assertThat(status.isArray()).as("a complete answer is a bare list").isTrue();
                assertThat(ids(status)).containsExactlyElementsOf(TARGETS);
                for (String target : TARGETS) {
                    HttpResponse<String> badge = getText(service, "/badges/" + target + "/status.svg");
                    assertThat(badge.statusCode()).isEqualTo(200);
                    assertThat(badge.body()).contains(">operational<");
                }
            }
        });
        // Stats for any target from either instance: forwarded to the owner when need be.
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
            for (AggregatorService service : List.of(a, b)) {
                for (String target : TARGETS) {
                    Reply stats = get(service, "/api/v1/targets/" + target + "/stats?window=1m");
                    assertThat(stats.status()).isEqualTo(200);
                    assertThat(stats.body().isArray()).as("fresh stats are a bare series").isTrue();
                    assertThat(stats.body().get(0).path("targetId").asText()).isEqualTo(target);
                    assertThat(stats.body().get(0).path("count").asLong()).isEqualTo(1);
                }
            }
        });

        b.close();
        // The survivor takes every partition over and answers for all of them from its own stores.
        await().atMost(Duration.ofSeconds(120)).ignoreExceptions().untilAsserted(() -> {
            assertThat(ids(get(a, "/api/v1/targets?local=true").body())).containsExactlyElementsOf(TARGETS);
            JsonNode all = get(a, "/api/v1/targets").body();
            assertThat(all.isArray()).isTrue();
            assertThat(ids(all)).containsExactlyElementsOf(TARGETS);
            for (String target : TARGETS) {
                Reply stats = get(a, "/api/v1/targets/" + target + "/stats?window=1m");
                assertThat(stats.status()).isEqualTo(200);
                assertThat(stats.body().isArray()).isTrue();
                assertThat(stats.body().get(0).path("count").asLong()).isEqualTo(1);
            }
        });
    }

    @Test
    void anUnreachableInstanceMakesListsPartialAndStatsStale(KafkaCluster kafka) throws Exception {
        String resultsTopic = kafka.uniqueName("llm.probe.results");
        int deadPort = ClusterTargetsTest.closedPort();
        // A advertises an address nobody listens on: to B it is an instance that cannot be reached.
        AggregatorService a = start(config(kafka, resultsTopic, stateDirA, "http://127.0.0.1:" + deadPort));
        AggregatorService b = start(config(kafka, resultsTopic, stateDirB, "http://127.0.0.1:0"));
        sendResults(kafka, resultsTopic);

        await().atMost(Duration.ofSeconds(120)).ignoreExceptions().untilAsserted(() -> {
            List<String> heldByA = ids(get(a, "/api/v1/targets?local=true").body());
            List<String> heldByB = ids(get(b, "/api/v1/targets?local=true").body());
            assertThat(heldByA).isNotEmpty();
            assertThat(heldByB).isNotEmpty().doesNotContainAnyElementsOf(heldByA);
            assertThat(ids(get(a, "/api/v1/targets").body())).containsExactlyElementsOf(TARGETS);

            JsonNode partial = get(b, "/api/v1/targets").body();
            assertThat(partial.path("partial").asBoolean()).isTrue();
            assertThat(ids(partial.path("targets"))).containsExactlyElementsOf(heldByB);
            JsonNode missing = partial.path("missing").get(0);
            assertThat(missing.path("instance").asText()).isEqualTo("127.0.0.1:" + deadPort);
            assertThat(missing.path("partitions")).isNotEmpty();

            // B keeps a standby copy of A's partitions and answers from it, marked stale.
            Reply stale = get(b, "/api/v1/targets/" + heldByA.get(0) + "/stats?window=1m");
            assertThat(stale.status()).isEqualTo(200);
            assertThat(stale.body().path("stale").asBoolean()).isTrue();
            assertThat(stale.body().path("series").get(0).path("targetId").asText()).isEqualTo(heldByA.get(0));
            assertThat(stale.body().path("series").get(0).path("count").asLong()).isEqualTo(1);

            // The public answers say they are partial, without naming the instance that is missing.
            JsonNode status = get(b, "/api/v1/status").body();
            assertThat(status.path("partial").asBoolean()).isTrue();
            assertThat(status.has("missing")).isFalse();
            assertThat(ids(status.path("targets"))).containsExactlyElementsOf(heldByB);
            assertThat(getText(b, "/badges/" + heldByA.get(0) + "/status.svg").statusCode()).isEqualTo(503);
            assertThat(getText(b, "/badges/" + heldByB.get(0) + "/status.svg").statusCode()).isEqualTo(200);
            String page = getText(b, "/status").body();
            assertThat(page).contains("id=\"partial\"").doesNotContain(String.valueOf(deadPort));
        });
    }

    private AggregatorService start(MonitorConfig config) {
        AggregatorService service = new AggregatorService(config, "127.0.0.1", Clock.systemUTC(),
                Metrics.newRegistry("aggregator"));
        services.add(service);
        service.start();
        return service;
    }

    private static MonitorConfig config(KafkaCluster kafka, String resultsTopic, Path stateDir) {
        return config(kafka, resultsTopic, stateDir, "http://127.0.0.1:0");
    }

    private static MonitorConfig config(KafkaCluster kafka, String resultsTopic, Path stateDir, String advertisedUrl) {
        return new ConfigLoader(name -> null).parse("""
                kafka:
                  bootstrap-servers: %s
                  topics: {probe-results: %s, stats: %s}
                  partitions: 4
                  client: {application.id: %s}
                aggregation:
                  windows: [1m, 5m]
                  grace: 5s
                  http-port: 0
                  advertised-url: %s
                  state-dir: "%s"
                  standby-replicas: 1
                """.formatted(kafka.bootstrapServers(), resultsTopic, resultsTopic + ".stats", resultsTopic + "-app",
                advertisedUrl, stateDir), "test.yaml");
    }

    private static void sendResults(KafkaCluster kafka, String topic) throws Exception {
        Instant now = Instant.now();
        try (KafkaProducer<String, ProbeResult> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                kafka.bootstrapServers()), new StringSerializer(), new ProbeResultSerde().serializer())) {
            for (String target : TARGETS) {
                ProbeResult result = AggregatorServiceTest.result(target, "eu", now, Outcome.SUCCESS, 100L, 50L);
                producer.send(new ProducerRecord<>(topic, null, now.toEpochMilli(), target, result)).get();
            }
        }
    }

    private static List<String> ids(JsonNode targets) {
        List<String> ids = new ArrayList<>();
        targets.forEach(target -> ids.add(target.path("targetId").asText()));
        return ids;
    }

    private Reply get(AggregatorService service, String path) throws Exception {
        HttpResponse<String> response = getText(service, path);
        return new Reply(response.statusCode(), JSON.readTree(response.body()));
    }

    private HttpResponse<String> getText(AggregatorService service, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.httpPort() + path))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private record Reply(int status, JsonNode body) {
    }
}
