package dev.llmuptime.alert;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmuptime.config.WebhookConfig;
import dev.llmuptime.schema.AlertEvent;
import dev.llmuptime.schema.AlertStatus;
import dev.llmuptime.schema.ProbeEvidence;
import java.util.List;

/**
 * A Slack incoming-webhook message: one line of text with a link to the dashboard and, for a firing
 * alert with evidence, a second block with one short line per failed probe.
 */
final class SlackPayload implements Payload {

    @Override
    public ObjectNode render(AlertEvent event, WebhookConfig webhook, String dashboardUrl) {
        boolean firing = event.getStatus() == AlertStatus.FIRING;
        String text = (firing ? ":red_circle: *FIRING*" : ":large_green_circle: *RESOLVED*") + " [" + event.getSeverity()
                + "] " + event.getSummary() + " <" + dashboardUrl + "|dashboard>";
        ObjectNode root = JSON.createObjectNode().put("text", text);
        ArrayNode blocks = root.putArray("blocks");
        blocks.addObject().put("type", "section").putObject("text").put("type", "mrkdwn").put("text", text);
        List<ProbeEvidence> evidence = EvidenceFormat.of(event);
        if (!evidence.isEmpty()) {
            StringBuilder lines = new StringBuilder("*Failed probes* (latest, oldest first):");
            evidence.forEach(probe -> lines.append("\n• ").append(escape(EvidenceFormat.line(probe))));
            blocks.addObject().put("type", "section").putObject("text").put("type", "mrkdwn")
                    .put("text", lines.toString());
        }
        return root;
    }

    /** Slack reads {@code &}, {@code <} and {@code >} as markup: a provider's message must not make links. */
    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
