package dev.llmuptime.alert;

import static dev.llmuptime.alert.StatsFixtures.probe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.llmuptime.schema.Outcome;
import dev.llmuptime.testkit.KafkaCluster;
import dev.llmuptime.testkit.SharedKafka;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/** The alerts API over HTTP on one alert consumer against a real broker: who may write, what is refused, each endpoint. */
@ExtendWith(SharedKafka.class)
class AlertApiTest {

    private static final String SILENCE = """
            {"match": {"target": "openai-*"}, "endsAt": "%s", "comment": "provider maintenance", "createdBy": "alice"}""";

    @RegisterExtension
    final RunningAlertConsumer consumer = new RunningAlertConsumer();

    @Test
    void writesNeedTheTokenAndReadsAreOpenAndTheTokenIsNeverLogged(KafkaCluster kafka) throws Exception {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        root.addAppender(logs);
        ApiClient api = consumer.start(kafka, "  api-token: " + ApiServices.TOKEN + "\n");
        String silence = SILENCE.formatted(Instant.now().plus(Duration.ofHours(1)));

        ApiClient.Answer without = api.withToken(null).post("/api/v1/silences", silence);
        assertThat(without.status()).isEqualTo(401);
        assertThat(without.authenticate()).isEqualTo("Bearer");
        assertThat(without.error()).isEqualTo("writes need the header Authorization: Bearer <alerts.api-token>");
        ApiClient.Answer wrong = api.withToken("tok-wrong").post("/api/v1/silences", silence);
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.body().toString()).doesNotContain(ApiServices.TOKEN);
        assertThat(api.withToken("tok-wrong").delete("/api/v1/silences/x").status()).isEqualTo(403);
        assertThat(api.withToken(null).post("/api/v1/alerts/x/ack", "{\"by\": \"bob\"}").status()).isEqualTo(401);
        ApiClient.Answer right = api.post("/api/v1/silences", silence);
        assertThat(right.status()).isEqualTo(200);
        assertThat(right.body().path("id").asText()).isNotEmpty();
        assertThat(api.withToken(null).get("/api/v1/silences").status()).isEqualTo(200);
        assertThat(api.withToken(null).get("/api/v1/alerts").status()).isEqualTo(200);
        root.detachAppender(logs);
        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage).isNotEmpty()
                .noneMatch(line -> line.contains(ApiServices.TOKEN));
    }

    @Test
    void withAnHttpTokenReadsNeedItOrTheWriteTokenAndWritesStillNeedTheWriteToken(KafkaCluster kafka)
            throws Exception {
        String httpToken = "http-read-token-5e1d9c3b7a";
        ApiClient api = consumer.start(kafka, "  api-token: " + ApiServices.TOKEN + "\nhttp:\n  token: " + httpToken + "\n");

        ApiClient.Answer without = api.withToken(null).get("/api/v1/alerts");
        assertThat(without.status()).isEqualTo(401);
        assertThat(without.authenticate()).isEqualTo("Bearer");
        ApiClient.Answer wrong = api.withToken("tok-wrong-0123456789").get("/api/v1/silences");
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.body().toString()).doesNotContain(httpToken).doesNotContain(ApiServices.TOKEN);
        assertThat(api.withToken(httpToken).get("/api/v1/alerts").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/alerts").status()).as("the write token reads too").isEqualTo(200);
        assertThat(api.withToken(httpToken).post("/api/v1/silences", SILENCE.formatted(Instant.now()
                .plus(Duration.ofHours(1)))).status()).as("the read token does not write").isEqualTo(403);
        assertThat(api.withToken(null).get("/health").status()).isEqualTo(200);
    }

    @Test
    void withoutAConfiguredTokenTheWriteApiIsOff(KafkaCluster kafka) throws Exception {
        ApiClient api = consumer.start(kafka, "");

        ApiClient.Answer refused = api.withToken("anything").post("/api/v1/silences",
                SILENCE.formatted(Instant.now().plus(Duration.ofHours(1))));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.error()).isEqualTo("the write API is off: alerts.api-token is not set");
        assertThat(api.get("/api/v1/alerts").status()).isEqualTo(200);
    }

    @Test
    void badRequestsGetA400OrA404ThatSaysWhy(KafkaCluster kafka) throws Exception {
        ApiClient api = consumer.start(kafka, "  api-token: " + ApiServices.TOKEN + "\n");

        assertError(api.post("/api/v1/silences", """
                {"match": {"severty": "critical"}, "endsAt": "2099-01-01T00:00:00Z", "createdBy": "a"}"""), 400,
                "unknown match key 'severty' (did you mean 'severity'?); expected one of rule, severity, target, "
                        + "model, provider, region");
        assertError(api.post("/api/v1/silences", """
                {"match": {"rule": "down"}, "startsAt": "2099-01-01T02:00:00Z", "endsAt": "2099-01-01T01:00:00Z",
                 "createdBy": "a"}"""), 400, "endsAt (2099-01-01T01:00:00Z) must be after startsAt (2099-01-01T02:00:00Z)");
        assertError(api.post("/api/v1/silences", """
                {"match": {"rule": "down"}, "endsAt": "soon", "createdBy": "a"}"""), 400,
                "endsAt must be an ISO-8601 time such as 2026-11-29T18:00:00Z, got 'soon'");
        assertThat(api.post("/api/v1/silences", "{not json").error()).startsWith("the body is not JSON: ");
        assertError(api.post("/api/v1/alerts/nope/ack", "{\"by\": \"bob\"}"), 404,
                "no firing alert 'nope': it resolved, or never fired");
        assertError(api.delete("/api/v1/silences/nope"), 404, "no silence 'nope'");
        assertError(api.get("/api/v1/alerts?state=open"), 400, "state must be active or all, got 'open'");
        assertError(api.get("/api/v1/alerts?state=all&since=yesterday"), 400,
                "since must be an ISO-8601 time such as 2026-11-29T10:00:00Z, got 'yesterday'");
    }

    @Test
    void anAlertIsListedAcknowledgedAndItsHistoryShowsTheAcknowledgement(KafkaCluster kafka) throws Exception {
        Instant began = Instant.now().minusSeconds(1);
        ApiClient api = consumer.start(kafka, "  api-token: " + ApiServices.TOKEN + "\n");
        consumer.sendStats(probe("openai-x", Outcome.TIMEOUT, 2, 0));
        JsonNode firing = await().atMost(Duration.ofSeconds(30)).until(() -> alerts(api), list -> list.size() == 1)
                .get(0);
        assertThat(firing.path("state").asText()).isEqualTo("firing");
        assertThat(firing.path("targetId").asText()).isEqualTo("openai-x");
        assertThat(firing.path("severity").asText()).isEqualTo("critical");
        assertThat(firing.path("receivers").toString()).isEqualTo("[\"ops\"]");
        String alertId = firing.path("alertId").asText();

        assertError(api.post("/api/v1/alerts/" + alertId + "/ack", "{\"comment\": \"x\"}"), 400,
                "by is required: who takes the alert on");
        ApiClient.Answer ack = api.post("/api/v1/alerts/" + alertId + "/ack",
                "{\"by\": \"bob\", \"comment\": \"on it\"}");

        assertThat(ack.status()).isEqualTo(200);
        assertThat(ack.body().path("acknowledged").path("by").asText()).isEqualTo("bob");
        JsonNode acknowledged = await().atMost(Duration.ofSeconds(30)).until(() -> alerts(api).get(0),
                alert -> alert.path("state").asText().equals("acknowledged"));
        assertThat(acknowledged.path("acknowledged").path("comment").asText()).isEqualTo("on it");
        List<JsonNode> history = await().atMost(Duration.ofSeconds(30)).until(() -> history(api, began),
                entries -> entries.size() == 2);
        assertThat(history).extracting(entry -> entry.path("notice").asText()).containsExactly("transition",
                "acknowledged");
        assertThat(history.get(1).path("alertId").asText()).isEqualTo(alertId);
        assertThat(history.get(1).path("acknowledged").path("by").asText()).isEqualTo("bob");
        assertThat(history.get(1).path("notify").size()).as("the audit record goes to no webhook").isZero();
        assertThat(history(api, Instant.now().plus(Duration.ofHours(1)))).as("nothing since a later time").isEmpty();
    }

    @Test
    void aSilenceIsListedHoldsItsAlertAndIsExpiredByDelete(KafkaCluster kafka) throws Exception {
        ApiClient api = consumer.start(kafka, "  api-token: " + ApiServices.TOKEN + "\n");
        String id = api.post("/api/v1/silences", SILENCE.formatted(Instant.now().plus(Duration.ofHours(1))))
                .body().path("id").asText();
        JsonNode listed = await().atMost(Duration.ofSeconds(30)).until(() -> silences(api), list -> list.size() == 1)
                .get(0);
        assertThat(listed.path("id").asText()).isEqualTo(id);
        assertThat(listed.path("state").asText()).isEqualTo("active");
        assertThat(listed.path("match").toString()).isEqualTo("{\"target\":\"openai-*\"}");
        assertThat(listed.path("createdBy").asText()).isEqualTo("alice");

        consumer.sendStats(probe("openai-x", Outcome.TIMEOUT, 2, 0));
        JsonNode silenced = await().atMost(Duration.ofSeconds(30)).until(() -> alerts(api), list -> list.size() == 1)
                .get(0);
        assertThat(silenced.path("state").asText()).isEqualTo("silenced");
        assertThat(silenced.path("heldBy").asText()).isEqualTo("silence:" + id);
        ApiClient.Answer deleted = api.delete("/api/v1/silences/" + id);

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body().path("state").asText()).isEqualTo("expired");
        await().atMost(Duration.ofSeconds(30)).until(() -> silences(api).get(0).path("state").asText().equals("expired"));
        await().atMost(Duration.ofSeconds(30)).until(() -> consumer.receiver().delivered().size() == 1);
        assertThat(consumer.receiver().delivered().get(0).body()).contains("openai-x");
        await().atMost(Duration.ofSeconds(30)).until(() -> alerts(api).get(0).path("state").asText().equals("firing"));
    }

    private static List<JsonNode> alerts(ApiClient api) throws Exception {
        return api.get("/api/v1/alerts").items("alerts");
    }

    private static List<JsonNode> silences(ApiClient api) throws Exception {
        return api.get("/api/v1/silences").items("silences");
    }

    private static List<JsonNode> history(ApiClient api, Instant since) throws Exception {
        return api.get("/api/v1/alerts?state=all&since=" + since).items("alerts");
    }

    private static void assertError(ApiClient.Answer answer, int status, String message) {
        assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(status);
        assertThat(answer.error()).isEqualTo(message);
    }
}
