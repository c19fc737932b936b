package dev.llmuptime.aggregator;

import static dev.llmuptime.aggregator.StatsTopologyTest.backoff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmuptime.ops.Metrics;
import dev.llmuptime.schema.BackoffReasons;
import dev.llmuptime.schema.Outcome;
import dev.llmuptime.schema.ProbeResult;
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
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Targets whose prober waits longer than their interval, as the JSON API and /metrics show them, over real HTTP. */
@ExtendWith(SharedKafka.class)
class BackoffHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path stateDir;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void apiAndMetricsShowTheBackoffsThatStillHoldWithTheirReasonAndRegion(KafkaCluster kafka) throws Exception {
        String resultsTopic = kafka.uniqueName("llm.probe.results");
        AggregatorService service = new AggregatorService(AggregatorServiceTest.config(kafka, resultsTopic, stateDir),
                "127.0.0.1", Clock.systemUTC(), Metrics.newRegistry("aggregator"));
        try {
            service.start();
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            Instant until = now.plus(Duration.ofMinutes(10));
            AggregatorServiceTest.send(kafka, resultsTopic, List.of(
                    backoff(result("chat-a", "eu", now.minusSeconds(20), Outcome.RATE_LIMITED),
                            BackoffReasons.RETRY_AFTER, until),
                    result("chat-a", "us", now.minusSeconds(10), Outcome.SUCCESS),
                    backoff(result("chat-b", "eu", now.minusSeconds(30), Outcome.AUTH_ERROR), BackoffReasons.BREAKER,
                            until),
                    result("chat-b", "eu", now.minusSeconds(5), Outcome.SUCCESS),
                    backoff(result("chat-c", "eu", now.minusSeconds(30), Outcome.RATE_LIMITED),
                            BackoffReasons.RATE_LIMIT_RESET, now.minusSeconds(1))));
            String base = "http://127.0.0.1:" + service.httpPort();

            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
                JsonNode targets = json(base + "/api/v1/targets");
                return targets.size() == 3 && targets.get(0).path("lastOutcome").asText().equals("SUCCESS")
                        && targets.get(1).path("lastOutcome").asText().equals("SUCCESS");
            });
            JsonNode targets = json(base + "/api/v1/targets");
            JsonNode a = targets.get(0);
            assertThat(a.path("targetId").asText()).isEqualTo("chat-a");
            assertThat(a.path("backoff").path("reason").asText()).isEqualTo("retry-after");
            assertThat(a.path("backoff").path("until").asText()).isEqualTo(until.toString());
            assertThat(a.path("backoff").path("region").asText()).as("the us probes do not end eu's wait").isEqualTo("eu");
            assertThat(targets.get(1).path("backoff").isNull()).as("ended by a later result without one").isTrue();
            assertThat(targets.get(2).path("backoff").isNull()).as("over once its time has passed").isTrue();

            JsonNode summary = json(base + "/api/v1/targets/chat-a/summary?range=1h");
            assertThat(summary.path("all").path("backoff").path("reason").asText()).isEqualTo("retry-after");
            JsonNode regions = summary.path("regions");
            assertThat(regions.get(0).path("region").asText()).isEqualTo("eu");
            assertThat(regions.get(0).path("backoff").path("until").asText()).isEqualTo(until.toString());
            assertThat(regions.get(1).path("backoff").isNull()).isTrue();

            String gauge = "llm_target_backoff{reason=\"retry-after\",region=\"eu\",service=\"aggregator\",target=\"chat-a\"} 1";
            await().atMost(Duration.ofSeconds(60)).until(() -> text(base + "/metrics").contains(gauge));
            assertThat(text(base + "/metrics").lines().filter(line -> line.startsWith("llm_target_backoff{")))
                    .as("one line per region in backoff, none for an ended or expired one").hasSize(1);
        } finally {
            service.close();
        }
    }

    private static ProbeResult result(String target, String region, Instant startedAt, Outcome outcome) {
        return StatsTopologyTest.result(target, region, startedAt, outcome, 100L, null);
    }

    private JsonNode json(String url) throws Exception {
        return JSON.readTree(text(url));
    }

    private String text(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
