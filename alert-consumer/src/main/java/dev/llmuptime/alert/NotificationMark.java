package dev.llmuptime.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmuptime.config.WebhookFormat;

/**
 * Marks a rendered payload with its notification number, where each format has room for it: the
 * generic {@code notification} field (always), and for a reminder an Alertmanager annotation, the
 * Slack text and PagerDuty's custom details.
 */
final class NotificationMark {

    static final String FIELD = "notification";

    private NotificationMark() {
    }

    static JsonNode mark(WebhookFormat format, JsonNode body, int number) {
        return switch (format) {
            case GENERIC -> ((ObjectNode) body).put(FIELD, number);
            case ALERTMANAGER -> number == 0 ? body : annotate((ObjectNode) body, number);
            case SLACK -> number == 0 ? body : slackText((ObjectNode) body, number);
            case PAGERDUTY -> number == 0 ? body : customDetail((ObjectNode) body, number);
            // Alertmanager keeps one alert per label set: a reminder is the same alert posted again.
            case ALERTMANAGER_API -> body;
        };
    }

    private static ObjectNode annotate(ObjectNode body, int number) {
        ((ObjectNode) body.path("commonAnnotations")).put(FIELD, String.valueOf(number));
        body.path("alerts").forEach(alert -> ((ObjectNode) alert.path("annotations")).put(FIELD, String.valueOf(number)));
        return body;
    }

    private static ObjectNode slackText(ObjectNode body, int number) {
        String text = body.path("text").asText() + " (reminder " + number + ")";
        body.put("text", text);
        body.path("blocks").forEach(block -> ((ObjectNode) block.path("text")).put("text", text));
        return body;
    }

    /** Reminders are FIRINGs, whose trigger event has custom details. */
    private static ObjectNode customDetail(ObjectNode body, int number) {
        ((ObjectNode) body.path("payload").path("custom_details")).put(FIELD, number);
        return body;
    }
}
