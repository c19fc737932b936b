package dev.llmuptime.alert;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmuptime.config.WebhookConfig;
import dev.llmuptime.config.WebhookFormat;
import dev.llmuptime.schema.AlertEvent;
import java.time.Instant;

/** The body a webhook receives, in its configured format. */
sealed interface Payload permits GenericPayload, AlertmanagerPayload, SlackPayload, PagerDutyPayload {

    ObjectMapper JSON = new ObjectMapper();

    static Payload of(WebhookFormat format) {
        return switch (format) {
            case GENERIC -> new GenericPayload();
            case ALERTMANAGER -> new AlertmanagerPayload();
            case SLACK -> new SlackPayload();
            case PAGERDUTY -> new PagerDutyPayload();
        };
    }

    ObjectNode render(AlertEvent event, WebhookConfig webhook, String dashboardUrl);

    static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
