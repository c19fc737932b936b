package dev.llmuptime.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmuptime.config.WebhookConfig;
import dev.llmuptime.config.WebhookFormat;
import dev.llmuptime.schema.AlertEvent;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;

/** The body a webhook receives, in its configured format, and where it is sent. */
sealed interface Payload permits GenericPayload, AlertmanagerPayload, AlertmanagerApiPayload, SlackPayload,
        PagerDutyPayload {

    ObjectMapper JSON = new ObjectMapper();

    static Payload of(WebhookFormat format, Clock clock) {
        return switch (format) {
            case GENERIC -> new GenericPayload();
            case ALERTMANAGER -> new AlertmanagerPayload();
            case ALERTMANAGER_API -> new AlertmanagerApiPayload(clock);
            case SLACK -> new SlackPayload();
            case PAGERDUTY -> new PagerDutyPayload();
        };
    }

    JsonNode render(AlertEvent event, WebhookConfig webhook, String dashboardUrl);

    /** Where the body is POSTed, given the webhook's {@code url}: the URL itself unless the format says otherwise. */
    default URI endpoint(URI url) {
        return url;
    }

    static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
