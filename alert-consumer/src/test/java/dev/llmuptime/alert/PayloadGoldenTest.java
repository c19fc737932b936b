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
import dev.llmuptime.schema.Outcome;
import dev.llmuptime.schema.ProbeEvidence;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each format, for a FIRING and a RESOLVED event, is exactly its golden file under src/test/resources/golden. */
class PayloadGoldenTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2026-11-26T10:00:05Z");
    /** When the payload is rendered, for formats that say how long an alert holds. */
    private static final Clock SENT = Clock.fixed(T0.plusSeconds(30), ZoneOffset.UTC);

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"generic, FIRING", "generic, RESOLVED", "alertmanager, FIRING", "alertmanager, RESOLVED",
            "slack, FIRING", "slack, RESOLVED", "pagerduty, FIRING", "pagerduty, RESOLVED", "alertmanager-api, FIRING",
            "alertmanager-api, RESOLVED"})
    void matchesGoldenFile(String format, AlertStatus status) throws IOException {
        WebhookConfig webhook = new WebhookConfig("ops", URI.create("http://127.0.0.1:9000/hook"),
                WebhookFormat.fromConfig(format), Secret.of("whsec"), Secret.of("R0UTINGKEY"), Map.of(),
                Duration.ofSeconds(5), Duration.ofHours(24), BreakerConfig.DEFAULT);

        JsonNode rendered = Payload.of(webhook.format(), SENT).render(event(status), webhook, "http://localhost:8080/");

        assertThat(rendered).isEqualTo(golden(format + "-" + status.name().toLowerCase() + ".json"));
    }

    static AlertEvent event(AlertStatus status) {
        boolean firing = status == AlertStatus.FIRING;
        return AlertEvent.newBuilder()
                .setAlertId("down:openai-gpt-4o-mini-chat:1764151205000").setRule("down").setSeverity("critical")
                .setStatus(status).setTargetId("openai-gpt-4o-mini-chat").setProvider("openai")
                .setModel("gpt-4o-mini").setMetric("consecutive-failures").setValue(firing ? 2.0 : 0.0)
                .setThreshold(2.0).setWindowStart(Instant.parse("2026-11-26T10:00:00Z"))
                .setWindowEnd(Instant.parse("2026-11-26T10:01:00Z")).setStartsAt(T0)
                .setEndsAt(firing ? null : T0.plusSeconds(95))
                .setSummary(firing ? "down on openai-gpt-4o-mini-chat (gpt-4o-mini): consecutive-failures = 2 "
                        + "(consecutive-failures >= 2)" : "resolved: down on openai-gpt-4o-mini-chat (gpt-4o-mini): "
                        + "consecutive-failures = 0")
                .setEmittedAt(firing ? T0 : T0.plusSeconds(95))
                .setEvidence(firing ? evidence() : List.of()).build();
    }

    /** A server error with every field, and a timeout with none of the optional ones, from two regions. */
    static List<ProbeEvidence> evidence() {
        return List.of(
                ProbeEvidence.newBuilder().setProbeId("5f0c6a1e-8d1b-4c55-9d3e-000000000001")
                        .setStartedAt(Instant.parse("2026-11-26T09:59:58Z")).setRegion("eu-west")
                        .setOutcome(Outcome.SERVER_ERROR).setHttpStatus(503).setErrorCode("server_error")
                        .setRequestId("req_7f3a").setMessage("The server is overloaded & busy <retry>").build(),
                ProbeEvidence.newBuilder().setProbeId("5f0c6a1e-8d1b-4c55-9d3e-000000000002")
                        .setStartedAt(Instant.parse("2026-11-26T10:00:03Z")).setRegion("us-east")
                        .setOutcome(Outcome.TIMEOUT).build());
    }

    private static JsonNode golden(String name) throws IOException {
        try (InputStream in = PayloadGoldenTest.class.getResourceAsStream("/golden/" + name)) {
            assertThat(in).as("golden file %s", name).isNotNull();
            return JSON.readTree(in);
        }
    }
}
