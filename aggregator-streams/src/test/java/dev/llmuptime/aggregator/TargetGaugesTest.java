package dev.llmuptime.aggregator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmuptime.ops.Metrics;
import dev.llmuptime.schema.Outcome;
import dev.llmuptime.schema.ProbeResult;
import dev.llmuptime.schema.ProbeResultSerde;
import dev.llmuptime.testkit.KafkaCluster;
import dev.llmuptime.testkit.SharedKafka;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The exported per-target gauges hold the numbers the dashboard's summary shows, from the same sketches. */
@ExtendWith(SharedKafka.class)
class TargetGaugesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path stateDir;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final PrometheusMeterRegistry registry = Metrics.newRegistry("aggregator-streams");
    private AggregatorService service;

    @BeforeEach
    void start(KafkaCluster kafka) throws Exception {
        String resultsTopic = kafka.uniqueName("llm.probe.results");
        service = new AggregatorService(AggregatorServiceTest.config(kafka, resultsTopic, stateDir), "127.0.0.1",
                Clock.systemUTC(), registry);
        service.start();
        Instant now = Instant.now();
        List<ProbeResult> results = List.of(
                AggregatorServiceTest.result("chat-a", "eu", now.minusSeconds(50), Outcome.SUCCESS, 420L, 120L),
                AggregatorServiceTest.result("chat-a", "us", now.minusSeconds(40), Outcome.SUCCESS, 380L, 95L),
                AggregatorServiceTest.result("chat-a", "eu", now.minusSeconds(30), Outcome.SLOW, 2900L, 700L),
                AggregatorServiceTest.result("chat-a", "eu", now.minusSeconds(20), Outcome.TIMEOUT, 20000L, null),
                AggregatorServiceTest.result("chat-a", "us", now.minusSeconds(10), Outcome.SUCCESS, 610L, 210L));
        try (KafkaProducer<String, ProbeResult> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                kafka.bootstrapServers()), new StringSerializer(), new ProbeResultSerde().serializer())) {
            for (ProbeResult result : results) {
                producer.send(new ProducerRecord<>(resultsTopic, null, result.getStartedAt().toEpochMilli(),
                        result.getTargetId(), result)).get();
            }
        }
    }

    @AfterEach
    void stop() {
        service.close();
        registry.close();
    }

    @Test
    void gaugesMatchTheDashboardSummaryOfEachRange() throws Exception {
        await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() ->
                summary("1h").path("all").path("count").asLong() == 5 && gauge("llm.target.probes", "1h",
                        "outcome", "SUCCESS") == 3.0 && gauge("llm.target.probes", "1h", "outcome", "TIMEOUT") == 1.0);

        for (String range : List.of("1h", "24h", "7d")) {
            JsonNode all = summary(range).path("all");
            assertThat(gauge("llm.target.uptime", range, null, null)).as(range)
                    .isEqualTo(all.path("uptime").asDouble()).isEqualTo(0.8);
            for (String quantile : List.of("p50", "p95", "p99")) {
                assertThat(gauge("llm.target.latency", range, "quantile", quantile)).as(range + " latency " + quantile)
                        .isEqualTo(all.path("latency").path(quantile).asDouble());
                assertThat(gauge("llm.target.ttft", range, "quantile", quantile)).as(range + " ttft " + quantile)
                        .isEqualTo(all.path("ttft").path(quantile).asDouble());
            }
            all.path("outcomeCounts").fields().forEachRemaining(count -> assertThat(
                    gauge("llm.target.probes", range, "outcome", count.getKey())).isEqualTo(count.getValue().asDouble()));
        }
        assertThat(gauge("llm.target.latency", "1h", "quantile", "p99")).as("in ms").isGreaterThan(500.0);
        assertThat(Metrics.scrapeable(registry).scrape()).contains("llm_target_uptime{range=\"1h\",service=\"aggregator-streams\",target=\"chat-a\"} 0.8");
    }

    private double gauge(String name, String range, String tag, String value) {
        var search = registry.find(name).tags("target", "chat-a", "range", range);
        Gauge gauge = (tag == null ? search : search.tag(tag, value)).gauge();
        return gauge == null ? Double.NaN : gauge.value();
    }

    private JsonNode summary(String range) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + service.httpPort() + "/api/v1/targets/chat-a/summary?range=" + range))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }
}
