package dev.llmuptime.alert;

import static dev.llmuptime.alert.StatsFixtures.probe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmuptime.config.MonitorConfig;
import dev.llmuptime.schema.Outcome;
import dev.llmuptime.testkit.KafkaCluster;
import dev.llmuptime.testkit.SharedKafka;
import dev.llmuptime.testkit.WebhookReceiver;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two alert consumers on a real broker, the clock stepped by the test: an acknowledgement and a silence
 * written through one instance are applied by the other's evaluator, and survive that evaluator's restart.
 */
@ExtendWith(SharedKafka.class)
class SharedAcksAndSilencesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebhookReceiver receiver = new WebhookReceiver();
    private ApiServices services;

    @AfterEach
    void stop() {
        services.close();
        receiver.close();
    }

    @Test
    void anAckAndASilenceWrittenOnOneInstanceAreAppliedByTheOtherAndKeptAcrossItsRestart(KafkaCluster kafka)
            throws Exception {
        services = new ApiServices(kafka);
        SteppingClock clock = new SteppingClock(Instant.now());
        MonitorConfig config = services.config(receiver.url(), """
                  repeat-interval: 30m
                  api-token: %s
                """.formatted(ApiServices.TOKEN));
        AlertService first = services.start(config, clock);
        AlertService second = services.start(config, clock);
        await().atMost(Duration.ofSeconds(60)).until(() -> owns(first) || owns(second));
        AlertService owner = owns(first) ? first : second;
        ApiClient other = api(owns(first) ? second : first);

        services.sendStats(config, probe("a", Outcome.TIMEOUT, 2, 0));
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.delivered().size() == 1);
        String alertId = JSON.readTree(receiver.delivered().get(0).body()).path("alertId").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> other.get("/api/v1/alerts").items("alerts").size() == 1);
        assertThat(other.post("/api/v1/alerts/" + alertId + "/ack", "{\"by\": \"bob\", \"comment\": \"on it\"}")
                .status()).isEqualTo(200);
        String silenceId = other.post("/api/v1/silences", """
                {"match": {"target": "openai-*"}, "endsAt": "%s", "createdBy": "alice"}"""
                .formatted(clock.instant().plus(Duration.ofMinutes(40)))).body().path("id").asText();

        await().atMost(Duration.ofSeconds(30)).until(() -> notices(other).containsKey(alertId + " acknowledged"));
        await().atMost(Duration.ofSeconds(30)).until(() -> api(owner).get("/api/v1/silences").items("silences").size() == 1);
        services.sendStats(config, probe("openai-s", Outcome.TIMEOUT, 2, 0));
        await().atMost(Duration.ofSeconds(30)).until(() -> notices(other).values().stream()
                .anyMatch(entry -> entry.path("targetId").asText().equals("openai-s")));
        JsonNode held = notices(other).values().stream()
                .filter(entry -> entry.path("targetId").asText().equals("openai-s")).findFirst().orElseThrow();
        assertThat(held.path("heldBy").asText()).isEqualTo("silence:" + silenceId);
        assertThat(held.path("notify").size()).isZero();

        // The evaluator that applied both restarts; whichever instance owns the stats next knows both.
        owner.close();
        AlertService restarted = services.start(config, clock);
        AlertService survivor = owner == first ? second : first;
        await().atMost(Duration.ofSeconds(60)).until(() -> owns(survivor) || owns(restarted));
        clock.advance(Duration.ofMinutes(31));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> receiver.delivered().size() == 1);

        // The broker takes record times up to an hour ahead of its own clock: the test stays within that.
        clock.advance(Duration.ofMinutes(10));
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.delivered().size() == 2);
        JsonNode released = JSON.readTree(receiver.delivered().get(1).body());
        assertThat(released.path("targetId").asText()).as("the silenced alert, sent when the silence ended")
                .isEqualTo("openai-s");
        assertThat(released.path("status").asText()).isEqualTo("FIRING");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> receiver.delivered().size() == 2);
        for (AlertService instance : List.of(survivor, restarted)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> states(api(instance)),
                    states -> states.equals(Map.of("a", "acknowledged", "openai-s", "firing")));
            assertThat(api(instance).get("/api/v1/silences").items("silences")).singleElement()
                    .satisfies(silence -> assertThat(silence.path("state").asText()).isEqualTo("expired"));
        }
    }

    private static ApiClient api(AlertService service) {
        return new ApiClient(service.opsPort(), ApiServices.TOKEN);
    }

    private static boolean owns(AlertService service) {
        return service.health().detail().contains("stats partitions [0]");
    }

    /** The firing alerts' states by target, as this instance lists them. */
    private static Map<String, String> states(ApiClient api) throws Exception {
        return api.get("/api/v1/alerts").items("alerts").stream().collect(Collectors.toMap(
                alert -> alert.path("targetId").asText(), alert -> alert.path("state").asText()));
    }

    /** The alerts topic's records of the last day, by alert id and notice kind. */
    private static Map<String, JsonNode> notices(ApiClient api) throws Exception {
        return api.get("/api/v1/alerts?state=all").items("alerts").stream().collect(Collectors.toMap(
                entry -> entry.path("alertId").asText() + " " + entry.path("notice").asText(), entry -> entry,
                (earlier, later) -> later));
    }

}
