package dev.llmuptime.alert;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmuptime.config.WebhookConfig;
import dev.llmuptime.schema.AlertEvent;
import dev.llmuptime.schema.AlertStatus;

/** A Slack incoming-webhook message: one line of text with a link to the dashboard. */
final class SlackPayload implements Payload {

    @Override
    public ObjectNode render(AlertEvent event, WebhookConfig webhook, String dashboardUrl) {
        boolean firing = event.getStatus() == AlertStatus.FIRING;
        String text = (firing ? ":red_circle: *FIRING*" : ":large_green_circle: *RESOLVED*") + " [" + event.getSeverity()
                + "] " + event.getSummary() + " <" + dashboardUrl + "|dashboard>";
        ObjectNode root = JSON.createObjectNode().put("text", text);
        root.putArray("blocks").addObject().put("type", "section").putObject("text").put("type", "mrkdwn")
                .put("text", text);
        return root;
    }
}
