package dev.llmuptime.alert;

import static dev.llmuptime.alert.IncidentFixtures.failure;
import static dev.llmuptime.alert.IncidentFixtures.success;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmuptime.config.MonitorConfig;
import dev.llmuptime.schema.AlertEvent;
import dev.llmuptime.schema.Outcome;
import dev.llmuptime.schema.ProbeResult;
import dev.llmuptime.schema.ProbeResultSerde;
import dev.llmuptime.testkit.KafkaCluster;
import dev.llmuptime.testkit.ProbeResults;
import dev.llmuptime.testkit.SharedKafka;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v1/incidents/{alertId}} on an alert consumer against a real broker: the alerts topic's records
 * of the episode (with the evaluator's headers) and the target's probe results become the incident, as JSON and
 * as a Markdown report.
 */
@ExtendWith(SharedKafka.class)
class IncidentApiTest {

    private static final Logger log = LoggerFactory.getLogger(IncidentApiTest.class);

    @RegisterExtension
    final RunningAlertConsumer consumer = new RunningAlertConsumer();

    @Test
    void aResolvedIncidentHasItsTimelineAndEveryFailedRequestAsJsonAndAsAReport(KafkaCluster kafka) throws Exception {
        ApiClient api = start(kafka);
        Instant t0 = Instant.now().minus(Duration.ofMinutes(20)).truncatedTo(ChronoUnit.SECONDS);
        Instant ended = t0.plus(Duration.ofMinutes(10));
        ProbeResult overloaded = failure(t0.minusSeconds(10), "eu-west", Outcome.SERVER_ERROR, 503, "server_error",
                "req_7f3a9c01").build();
        ProbeResult limited = failure(t0.plusSeconds(60), "eu-west", Outcome.RATE_LIMITED, 429, "rate_limit_exceeded",
                "req_7f3a9c02").build();
        sendProbes(success(t0.minusSeconds(60), "eu-west"), overloaded,
                failure(t0.plusSeconds(20), "us-east", Outcome.TIMEOUT, null, null, null).build(),
                success(t0.plusSeconds(40), "eu-west"), limited, limited,
                ProbeResults.of("other-target", t0.plusSeconds(30), Outcome.SERVER_ERROR).setRequestId("req_other").build(),
                success(t0.plusSeconds(540), "us-east"),
                failure(ended.plusSeconds(30), "eu-west", Outcome.SERVER_ERROR, 500, null, "req_after").build());
        AlertEvent firing = IncidentFixtures.firing(t0, overloaded);
        List<Notice> story = IncidentFixtures.story(firing, IncidentFixtures.resolved(t0, ended),
                t0.plus(Duration.ofMinutes(4)));
        sendAlerts(IncidentFixtures.record(topic(), story.get(0), t0),
                IncidentFixtures.record(topic(), new Notice(IncidentFixtures.firing(t0.plusSeconds(30), overloaded),
                        NoticeKind.TRANSITION, 0, 0, List.of("ops"), null), t0.plusSeconds(30)),
                IncidentFixtures.record(topic(), story.get(1), t0.plus(Duration.ofMinutes(3))),
                IncidentFixtures.record(topic(), story.get(2), t0.plus(Duration.ofMinutes(4))),
                IncidentFixtures.record(topic(), story.get(3), ended));
        String path = "/api/v1/incidents/" + firing.getAlertId();

        ApiClient.Answer answer = api.get(path);

        assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(200);
        JsonNode incident = answer.body();
        assertThat(incident.path("alertId").asText()).isEqualTo(firing.getAlertId());
        assertThat(incident.path("status").asText()).isEqualTo("resolved");
        assertThat(incident.path("provider").asText()).isEqualTo("openai");
        assertThat(incident.path("model").asText()).isEqualTo("gpt-4o-mini");
        assertThat(incident.path("startedAt").asText()).isEqualTo(t0.toString());
        assertThat(incident.path("endedAt").asText()).isEqualTo(ended.toString());
        assertThat(incident.path("durationSeconds").asLong()).isEqualTo(600);
        assertThat(values(incident.path("timeline"), "kind")).containsExactly("fired", "reminded", "acknowledged",
                "resolved");
        assertThat(incident.path("timeline").get(2).path("by").asText()).isEqualTo("alice");
        assertThat(incident.path("timelineComplete").asBoolean()).isTrue();
        assertThat(values(incident.path("regions"), null)).containsExactly("eu-west", "us-east");
        assertThat(incident.path("probes").path("total").asLong()).isEqualTo(5);
        assertThat(incident.path("probes").path("failed").asLong()).isEqualTo(3);
        assertThat(incident.path("probes").path("from").asText()).isEqualTo(overloaded.getStartedAt().toString());
        assertThat(incident.path("probes").path("complete").asBoolean()).isTrue();
        assertThat(values(incident.path("failures"), "requestId")).containsExactly("req_7f3a9c01", "null",
                "req_7f3a9c02");
        assertThat(incident.path("failures").get(2).path("errorCode").asText()).isEqualTo("rate_limit_exceeded");
        assertThat(incident.path("failures").get(2).path("httpStatus").asInt()).isEqualTo(429);

        ApiClient.Text report = api.text(path + "?format=markdown");

        assertThat(report.status()).isEqualTo(200);
        assertThat(report.contentType()).startsWith("text/markdown");
        log.info("The incident's report:\n{}", report.body());
        assertThat(report.body()).startsWith("# Incident: gpt-4o-mini on openai, down since " + t0 + " (resolved)")
                .contains("| Duration | 10 min 0 s |")
                .contains("| Probes | 3 failed of 5 (60.0%) from " + overloaded.getStartedAt())
                .contains("| Regions affected | eu-west, us-east |")
                .contains("| " + t0.plusSeconds(60) + " | eu-west | RATE_LIMITED | 429 | `rate_limit_exceeded` | `req_7f3a9c02` |")
                .contains("| " + t0.plus(Duration.ofMinutes(4)) + " | acknowledged | by alice |")
                .doesNotContain("req_other", "req_after", ApiServices.TOKEN, consumer.receiver().url(),
                        "opened a ticket");
    }

    @Test
    void aFiringIncidentRunsToNowAndAnUnknownAlertIsA404(KafkaCluster kafka) throws Exception {
        ApiClient api = start(kafka);
        Instant t0 = Instant.now().minus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.SECONDS);
        ProbeResult overloaded = failure(t0.minusSeconds(5), "eu-west", Outcome.SERVER_ERROR, 503, "server_error",
                "req_1").build();
        sendProbes(overloaded, failure(t0.plusSeconds(60), "eu-west", Outcome.SERVER_ERROR, 502, null, "req_2").build());
        AlertEvent firing = IncidentFixtures.firing(t0, overloaded);
        sendAlerts(IncidentFixtures.record(topic(), Notice.held(firing, NoticeKind.TRANSITION, 0, "maintenance"), t0));

        JsonNode incident = api.get("/api/v1/incidents/" + firing.getAlertId()).body();

        assertThat(incident.path("status").asText()).isEqualTo("firing");
        assertThat(incident.path("endedAt").isNull()).isTrue();
        assertThat(incident.path("durationSeconds").asLong()).isGreaterThanOrEqualTo(300);
        assertThat(values(incident.path("timeline"), "kind")).containsExactly("silenced");
        assertThat(values(incident.path("failures"), "requestId")).containsExactly("req_1", "req_2");
        ApiClient.Answer unknown = api.get("/api/v1/incidents/down:" + IncidentFixtures.TARGET + ":"
                + t0.plusSeconds(1).toEpochMilli());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.error()).isEqualTo("no incident 'down:" + IncidentFixtures.TARGET + ":"
                + t0.plusSeconds(1).toEpochMilli() + "' in " + topic() + ": it never fired, or longer ago than the look-back");
        assertThat(api.get("/api/v1/incidents/nope").status()).isEqualTo(404);
        assertThat(api.text("/api/v1/incidents/nope?format=markdown").contentType()).startsWith("application/json");
        ApiClient.Answer badFormat = api.get("/api/v1/incidents/" + firing.getAlertId() + "?format=pdf");
        assertThat(badFormat.status()).isEqualTo(400);
        assertThat(badFormat.error()).isEqualTo("format must be json or markdown, got 'pdf'");
    }

    private ApiClient start(KafkaCluster kafka) {
        MonitorConfig config = consumer.configure(kafka, "  api-token: " + ApiServices.TOKEN + "\n");
        // Three partitions: the reader must find the target's own.
        kafka.createTopics(3, config.kafka().topics().probeResults());
        return consumer.start();
    }

    private String topic() {
        return consumer.config().kafka().topics().alerts();
    }

    private void sendProbes(ProbeResult... results) throws Exception {
        try (KafkaProducer<String, ProbeResult> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                consumer.config().kafka().bootstrapServers()), new StringSerializer(),
                new ProbeResultSerde().serializer())) {
            for (ProbeResult result : results) {
                producer.send(new ProducerRecord<>(consumer.config().kafka().topics().probeResults(), null,
                        result.getStartedAt().toEpochMilli(), result.getTargetId(), result)).get();
            }
        }
    }

    @SafeVarargs
    private void sendAlerts(ProducerRecord<String, byte[]>... records) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                consumer.config().kafka().bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            for (ProducerRecord<String, byte[]> record : records) {
                producer.send(record).get();
            }
        }
    }

    /** The field {@code field} of each element of {@code array} as text; null: the elements themselves. */
    private static List<String> values(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(node -> field == null ? node.asText() : node.path(field).asText()).toList();
    }
}
