package dev.llmuptime.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmuptime.config.BreakerConfig;
import dev.llmuptime.config.Secret;
import dev.llmuptime.config.WebhookConfig;
import dev.llmuptime.config.WebhookFormat;
import dev.llmuptime.schema.AlertEvent;
import dev.llmuptime.schema.AlertStatus;
import dev.llmuptime.testkit.WebhookReceiver;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** When firing alerts are sent to an Alertmanager again: a real receiver on 127.0.0.1, time from a stepping clock. */
class AlertmanagerResenderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2026-11-29T12:00:00Z");
    private static final TopicPartition P0 = new TopicPartition("llm.alerts", 0);
    private static final TopicPartition P1 = new TopicPartition("llm.alerts", 1);

    private final WebhookReceiver alertmanager = new WebhookReceiver();
    private final SteppingClock clock = new SteppingClock(T0);
    private final AlertmanagerResender resender = new AlertmanagerResender(new WebhookSender(
            HttpClient.newHttpClient(), new WebhookConfig("am", URI.create(alertmanager.url("/")),
            WebhookFormat.ALERTMANAGER_API, Secret.none(), Secret.none(), Map.of(), Duration.ofSeconds(5),
            Duration.ofHours(24), BreakerConfig.DEFAULT), "http://localhost:8080/", clock), clock);

    @AfterEach
    void stop() {
        alertmanager.close();
    }

    @Test
    void aFiringAlertIsSentAgainEveryMinuteUntilItsResolved() throws Exception {
        resender.settled(P0, event("a", AlertStatus.FIRING));

        after(Duration.ZERO);
        after(Duration.ofSeconds(59));
        assertThat(alertmanager.requests()).as("just delivered: not due yet").isEmpty();

        after(Duration.ofSeconds(1));
        assertThat(alertmanager.requests()).hasSize(1);
        assertThat(alertmanager.requests().get(0).path()).isEqualTo("/api/v2/alerts");
        assertThat(sentAlerts(0)).extracting(alert -> alert.path("labels").path("alertId").asText()).containsExactly("a");
        assertThat(sentAlerts(0).get(0).path("endsAt").asText()).as("a minute after T0, plus four minutes")
                .isEqualTo("2026-11-29T12:05:00Z");

        after(Duration.ofSeconds(30));
        assertThat(alertmanager.requests()).hasSize(1);
        after(Duration.ofSeconds(30));
        assertThat(alertmanager.requests()).hasSize(2);
        assertThat(sentAlerts(1).get(0).path("endsAt").asText()).isEqualTo("2026-11-29T12:06:00Z");

        resender.settled(P0, event("a", AlertStatus.RESOLVED));
        after(Duration.ofMinutes(1));
        after(Duration.ofMinutes(5));
        assertThat(alertmanager.requests()).as("resolved: never again").hasSize(2);
    }

    @Test
    void rebuiltAlertsAreSentAtOnceAndThoseOfARevokedPartitionNoMore() throws Exception {
        resender.replayed(P0, event("a", AlertStatus.FIRING));
        resender.replayed(P1, event("b", AlertStatus.FIRING));
        resender.replayed(P1, event("c", AlertStatus.FIRING));
        resender.replayed(P1, event("c", AlertStatus.RESOLVED));

        after(Duration.ZERO);
        assertThat(alertIds()).containsExactly("a", "b");

        resender.revoked(List.of(P1));
        after(Duration.ofMinutes(1));
        assertThat(alertIds()).containsExactly("a", "b", "a");
    }

    @Test
    void anAlertmanagerThatFailsIsTriedAgainAtTheNextRoundNotAtEveryPoll() throws Exception {
        alertmanager.answer(503);
        resender.settled(P0, event("a", AlertStatus.FIRING));
        resender.settled(P0, event("b", AlertStatus.FIRING));

        after(Duration.ofMinutes(1));
        after(Duration.ofSeconds(1));
        assertThat(alertmanager.requests()).as("the round stops at the first failure").hasSize(1);

        after(Duration.ofSeconds(59));
        assertThat(alertmanager.delivered()).hasSize(2);
        assertThat(alertIds()).containsExactly("a", "a", "b");
    }

    /** Moves the clock on by {@code step}, then lets the resender send what is due. */
    private void after(Duration step) throws InterruptedException {
        clock.advance(step);
        resender.resendDue();
    }

    private List<JsonNode> sentAlerts(int request) throws Exception {
        JsonNode body = JSON.readTree(alertmanager.requests().get(request).body());
        assertThat(body.isArray()).isTrue();
        List<JsonNode> alerts = new ArrayList<>();
        body.elements().forEachRemaining(alerts::add);
        return alerts;
    }

    private List<String> alertIds() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < alertmanager.requests().size(); i++) {
            sentAlerts(i).forEach(alert -> ids.add(alert.path("labels").path("alertId").asText()));
        }
        return ids;
    }

    private static AlertEvent event(String alertId, AlertStatus status) {
        AlertEvent event = PayloadGoldenTest.event(status);
        event.setAlertId(alertId);
        return event;
    }
}
