package dev.llmuptime.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmuptime.config.BreakerConfig;
import dev.llmuptime.config.Secret;
import dev.llmuptime.config.WebhookConfig;
import dev.llmuptime.config.WebhookFormat;
import dev.llmuptime.schema.AlertEvent;
import dev.llmuptime.schema.AlertStatus;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What an Alertmanager is sent for an alert: labels, annotations, and how long it holds. */
class AlertmanagerApiPayloadTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private static final WebhookConfig WEBHOOK = new WebhookConfig("am", URI.create("http://127.0.0.1:9093"),
            WebhookFormat.ALERTMANAGER_API, Secret.none(), Secret.none(), Map.of(), Duration.ofSeconds(5),
            Duration.ofHours(24), BreakerConfig.DEFAULT);

    private final SteppingClock clock = new SteppingClock(NOW);
    private final AlertmanagerApiPayload payload = new AlertmanagerApiPayload(clock);

    @Test
    void aFiringHoldsFourResendsFromWhenItIsSent() {
        JsonNode alert = render(PayloadGoldenTest.event(AlertStatus.FIRING));

        assertThat(alert.path("startsAt").asText()).isEqualTo("2026-11-26T10:00:05Z");
        assertThat(alert.path("endsAt").asText()).isEqualTo("2026-11-29T12:04:00Z");
        assertThat(Duration.ofMinutes(4)).isEqualTo(AlertmanagerApiPayload.VALID_FOR)
                .isGreaterThan(AlertmanagerApiPayload.RESEND_EVERY.multipliedBy(3));

        clock.advance(AlertmanagerApiPayload.RESEND_EVERY);
        assertThat(render(PayloadGoldenTest.event(AlertStatus.FIRING)).path("endsAt").asText())
                .as("each re-send moves the end on").isEqualTo("2026-11-29T12:05:00Z");
    }

    @Test
    void aResolvedEndsWhenTheEpisodeEnded() {
        JsonNode alert = render(PayloadGoldenTest.event(AlertStatus.RESOLVED));

        assertThat(alert.path("startsAt").asText()).isEqualTo("2026-11-26T10:00:05Z");
        assertThat(alert.path("endsAt").asText()).isEqualTo("2026-11-26T10:01:40Z");
    }

    @Test
    void labelsNameTheRuleAndTargetAndAnnotationsLinkTheDashboard() {
        JsonNode alert = render(PayloadGoldenTest.event(AlertStatus.FIRING));

        assertThat(alert.path("labels").properties()).extracting(Map.Entry::getKey)
                .containsExactlyInAnyOrder("alertname", "severity", "target", "model", "provider", "alertId");
        assertThat(alert.path("labels").path("alertname").asText()).isEqualTo("down");
        assertThat(alert.path("labels").path("severity").asText()).isEqualTo("critical");
        assertThat(alert.path("labels").path("target").asText()).isEqualTo("openai-gpt-4o-mini-chat");
        assertThat(alert.path("labels").path("model").asText()).isEqualTo("gpt-4o-mini");
        assertThat(alert.path("labels").path("provider").asText()).isEqualTo("openai");
        assertThat(alert.path("labels").path("alertId").asText()).isEqualTo("down:openai-gpt-4o-mini-chat:1764151205000");
        assertThat(alert.path("annotations").path("summary").asText()).startsWith("down on openai-gpt-4o-mini-chat");
        assertThat(alert.path("annotations").path("dashboard").asText()).isEqualTo("http://dash.example/");
        assertThat(alert.path("generatorURL").asText()).isEqualTo("http://dash.example/?target=openai-gpt-4o-mini-chat");
    }

    @Test
    void anAlertWithoutModelOrProviderLeavesThoseLabelsOut() {
        AlertEvent event = PayloadGoldenTest.event(AlertStatus.FIRING);
        event.setModel(null);
        event.setProvider(null);

        assertThat(render(event).path("labels").properties()).extracting(Map.Entry::getKey)
                .containsExactlyInAnyOrder("alertname", "severity", "target", "alertId");
    }

    @Test
    void oneRequestCarriesOneAlert() {
        assertThat(payload.render(PayloadGoldenTest.event(AlertStatus.FIRING), WEBHOOK, "http://dash.example/"))
                .hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"http://am:9093, http://am:9093/api/v2/alerts", "http://am:9093/, http://am:9093/api/v2/alerts",
            "https://ops.example/alertmanager, https://ops.example/alertmanager/api/v2/alerts",
            "https://ops.example/alertmanager/, https://ops.example/alertmanager/api/v2/alerts"})
    void alertsArePostedToTheApiUnderTheAlertmanagersUrl(String url, String endpoint) {
        assertThat(payload.endpoint(URI.create(url))).hasToString(endpoint);
    }

    private JsonNode render(AlertEvent event) {
        return payload.render(event, WEBHOOK, "http://dash.example/").get(0);
    }
}
