package dev.llmuptime.aggregator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmuptime.testkit.KafkaCluster;
import dev.llmuptime.testkit.SharedKafka;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard's JSON over real HTTP, against a real broker: the alerts panel and the incidents read
 * from the alerts topic with their headers, and a target's summary over a range, per region and by
 * outcome. No secret or internal address of the configuration shows.
 */
@ExtendWith(SharedKafka.class)
class AlertPanelHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final RunningAggregator aggregator = new RunningAggregator();

    @BeforeEach
    void start(KafkaCluster kafka, @TempDir Path stateDir) throws Exception {
        AlertsFixture.feed(kafka, aggregator.start(kafka, stateDir), Instant.now());
    }

    @Test
    void panelListsActiveAlertsWithTheirStateThenThoseResolvedWithinADay() throws Exception {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(json("/api/v1/dashboard/alerts"))
                .extracting(alert -> alert.path("alertId").asText()).containsExactly(AlertsFixture.SILENCED,
                        AlertsFixture.ACKNOWLEDGED, AlertsFixture.FIRING, AlertsFixture.RESOLVED));
        JsonNode panel = json("/api/v1/dashboard/alerts");
        assertThat(panel).extracting(alert -> alert.path("state").asText())
                .containsExactly("silenced", "acknowledged", "firing", "resolved");
        JsonNode silenced = panel.get(0);
        assertThat(silenced.path("heldBy").asText()).isEqualTo("silence:quiet-1");
        assertThat(silenced.path("held").asText()).isEqualTo("silenced by silence quiet-1");
        assertThat(panel.get(1).path("acknowledgedBy").asText()).isEqualTo("alice");
        JsonNode firing = panel.get(2);
        assertThat(firing.path("summary").asText()).isEqualTo(AlertsFixture.MARKUP_SUMMARY);
        assertThat(firing.path("model").asText()).isEqualTo(AlertsFixture.MODEL);
        assertThat(firing.path("endsAt").isNull()).isTrue();
        assertThat(firing.path("incident").asText()).isEqualTo("/incidents/down%3Asim-multi%3A1");
        JsonNode resolved = panel.get(3);
        assertThat(Duration.between(Instant.parse(resolved.path("startsAt").asText()),
                Instant.parse(resolved.path("endsAt").asText()))).isEqualTo(Duration.ofMinutes(12));
        assertThat(get("/api/v1/dashboard/alerts").headers().firstValue("content-type")).hasValue("application/json");
        aggregator.http().assertNoSecretShown();
    }

    @Test
    void incidentHasItsTimelineAndEvidence() throws Exception {
        String path = "/api/v1/dashboard/incidents/" + URLEncoder.encode(AlertsFixture.FIRING, StandardCharsets.UTF_8);
        await().atMost(Duration.ofSeconds(60)).until(() -> get(path).statusCode() == 200);
        JsonNode incident = json(path);
        assertThat(incident.path("state").asText()).isEqualTo("firing");
        assertThat(incident.path("metric").asText()).isEqualTo("consecutive-failures");
        assertThat(incident.path("durationSeconds").asLong()).isBetween(40 * 60L, 45 * 60L);
        assertThat(incident.path("timeline")).extracting(step -> step.path("kind").asText())
                .containsExactly("fired", "reminded", "escalated");
        assertThat(incident.path("timeline").get(1).path("detail").asText()).isEqualTo("reminder 1");
        JsonNode evidence = incident.path("evidence");
        assertThat(evidence).extracting(probe -> probe.path("probeId").asText()).containsExactly("probe-1", "probe-2");
        JsonNode first = evidence.get(0);
        assertThat(first.path("region").asText()).isEqualTo("us-east");
        assertThat(first.path("outcome").asText()).isEqualTo("SERVER_ERROR");
        assertThat(first.path("httpStatus").asInt()).isEqualTo(503);
        assertThat(first.path("errorCode").asText()).isEqualTo("overloaded");
        assertThat(first.path("requestId").asText()).isEqualTo("req-us-1");
        assertThat(first.path("message").asText()).isEqualTo(AlertsFixture.MARKUP_MESSAGE);
        assertThat(evidence.get(1).path("httpStatus").isNull()).isTrue();

        JsonNode acknowledged = json("/api/v1/dashboard/incidents/" + AlertsFixture.ACKNOWLEDGED);
        assertThat(acknowledged.path("timeline")).extracting(step -> step.path("detail").asText())
                .containsExactly("down on sim-multi", "by alice: looking into it");
        assertThat(acknowledged.path("comment").asText()).isEqualTo("looking into it");
        JsonNode silenced = json("/api/v1/dashboard/incidents/" + AlertsFixture.SILENCED);
        assertThat(silenced.path("timeline")).extracting(step -> step.path("kind").asText())
                .containsExactly("fired", "silenced");
        assertThat(json("/api/v1/dashboard/incidents/" + AlertsFixture.RESOLVED_LONG_AGO).path("state").asText())
                .as("out of the panel, still an incident").isEqualTo("resolved");

        HttpResponse<String> unknown = get("/api/v1/dashboard/incidents/nothing");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).path("error").asText())
                .isEqualTo("no incident 'nothing' firing or ended in the last 7 days");
        aggregator.http().assertNoSecretShown();
    }

    @Test
    void summaryGivesARowPerRegionAndTheOutcomesOverTheRange() throws Exception {
        // Read from the active stores, not from a copy still restoring (which says "stale": true).
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
            JsonNode summary = json("/api/v1/targets/sim-multi/summary?range=1h");
            assertThat(summary.has("stale")).isFalse();
            assertThat(summary.path("all").path("count").asLong()).isEqualTo(5);
        });
        JsonNode hour = json("/api/v1/targets/sim-multi/summary?range=1h");
        assertThat(hour.path("range").asText()).isEqualTo("1h");
        assertThat(hour.path("chartWindow").asText()).isEqualTo("1m");
        JsonNode all = hour.path("all");
        assertThat(all.path("region").asText()).isEqualTo("*");
        assertThat(all.path("uptime").asDouble()).isEqualTo(0.6);
        assertThat(all.path("outcomeCounts").toString()).isEqualTo("{\"SERVER_ERROR\":1,\"SUCCESS\":3,\"TIMEOUT\":1}");
        assertThat(hour.path("regions")).extracting(region -> region.path("region").asText())
                .containsExactly("eu-west", "us-east");
        JsonNode europe = hour.path("regions").get(0);
        assertThat(europe.path("count").asLong()).isEqualTo(3);
        assertThat(europe.path("outcomeCounts").toString()).isEqualTo("{\"SUCCESS\":2,\"TIMEOUT\":1}");
        assertThat(europe.path("lastOutcome").asText()).isEqualTo("TIMEOUT");
        assertThat(hour.path("regions").get(1).path("consecutiveFailures").asInt()).isEqualTo(1);

        JsonNode week = json("/api/v1/targets/sim-multi/summary?range=7d");
        assertThat(week.path("chartWindow").asText()).isEqualTo("1h");
        assertThat(week.path("window").asText()).isEqualTo("1h");
        assertThat(week.path("all").path("count").asLong()).isEqualTo(5);
        assertThat(json("/api/v1/targets/sim-multi/summary").path("range").asText()).as("a day by default")
                .isEqualTo("24h");
        assertThat(json("/api/v1/targets/sim-chat/summary?range=24h").path("regions"))
                .extracting(region -> region.path("region").asText()).containsExactly("local");

        HttpResponse<String> badRange = get("/api/v1/targets/sim-multi/summary?range=2d");
        assertThat(badRange.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badRange.body()).path("error").asText())
                .isEqualTo("range must be one of 1h, 24h, 7d, got '2d'");
        assertThat(get("/api/v1/targets/nobody/summary").statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/targets/sim-multi/stats?window=1m&region=eu-west").statusCode())
                .as("the stats keep answering as before").isEqualTo(200);
        aggregator.http().assertNoSecretShown();
    }


    private JsonNode json(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return aggregator.http().get(path);
    }
}
