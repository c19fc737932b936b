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
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A reminder's number in every payload format; the transition itself changes only the generic body. */
class NotificationMarkTest {

    private static final AlertEvent FIRING = PayloadGoldenTest.event(AlertStatus.FIRING);

    @Test
    void genericAlwaysCarriesTheNumber() {
        assertThat(render(WebhookFormat.GENERIC, 0).path("notification").asInt(-1)).isZero();
        assertThat(render(WebhookFormat.GENERIC, 2).path("notification").asInt()).isEqualTo(2);
    }

    @Test
    void theOtherFormatsAreUnchangedForTheTransition() {
        for (WebhookFormat format : new WebhookFormat[] {WebhookFormat.ALERTMANAGER, WebhookFormat.SLACK,
                WebhookFormat.PAGERDUTY}) {
            assertThat(render(format, 0)).as(format.configName()).isEqualTo(Payload.of(format, Clock.systemUTC())
                    .render(FIRING, webhook(format), "http://localhost:8080/"));
        }
    }

    @Test
    void aReminderSaysWhichItIsInEveryFormat() {
        JsonNode alertmanager = render(WebhookFormat.ALERTMANAGER, 2);
        assertThat(alertmanager.path("commonAnnotations").path("notification").asText()).isEqualTo("2");
        assertThat(alertmanager.path("alerts").get(0).path("annotations").path("notification").asText()).isEqualTo("2");
        JsonNode slack = render(WebhookFormat.SLACK, 2);
        assertThat(slack.path("text").asText()).endsWith("(reminder 2)");
        assertThat(slack.path("blocks").get(0).path("text").path("text").asText()).endsWith("(reminder 2)");
        assertThat(render(WebhookFormat.PAGERDUTY, 2).path("payload").path("custom_details").path("notification")
                .asInt()).isEqualTo(2);
    }

    private static JsonNode render(WebhookFormat format, int number) {
        return NotificationMark.mark(format, Payload.of(format, Clock.systemUTC()).render(FIRING, webhook(format),
                "http://localhost:8080/"), number);
    }

    private static WebhookConfig webhook(WebhookFormat format) {
        return new WebhookConfig("ops", URI.create("http://127.0.0.1:9000/hook"), format, Secret.of("whsec"),
                Secret.of("R0UTINGKEY"), Map.of(), Duration.ofSeconds(5), Duration.ofHours(24), BreakerConfig.DEFAULT);
    }
}
