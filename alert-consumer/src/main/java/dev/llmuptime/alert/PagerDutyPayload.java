package dev.llmuptime.alert;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmuptime.config.WebhookConfig;
import dev.llmuptime.schema.AlertEvent;
import dev.llmuptime.schema.AlertStatus;
import java.util.Set;

/**
 * A PagerDuty Events API v2 event: trigger, with the evidence in its custom details, or resolve;
 * deduplicated by alertId.
 */
final class PagerDutyPayload implements Payload {

    private static final Set<String> SEVERITIES = Set.of("critical", "error", "warning", "info");

    @Override
    public ObjectNode render(AlertEvent event, WebhookConfig webhook, String dashboardUrl) {
        boolean firing = event.getStatus() == AlertStatus.FIRING;
        ObjectNode root = JSON.createObjectNode().put("routing_key", webhook.routingKey().reveal())
                .put("event_action", firing ? "trigger" : "resolve").put("dedup_key", event.getAlertId());
        if (!firing) {
            return root;
        }
        ObjectNode payload = root.putObject("payload").put("summary", event.getSummary())
                .put("source", event.getTargetId())
                .put("severity", SEVERITIES.contains(event.getSeverity()) ? event.getSeverity() : "error")
                .put("timestamp", Payload.iso(event.getStartsAt()))
                .put("component", event.getModel()).put("group", event.getProvider()).put("class", event.getRule());
        payload.putObject("custom_details").put("metric", event.getMetric()).put("value", event.getValue())
                .put("threshold", event.getThreshold()).put("windowStart", Payload.iso(event.getWindowStart()))
                .put("windowEnd", Payload.iso(event.getWindowEnd()))
                .set("evidence", EvidenceFormat.json(EvidenceFormat.of(event)));
        root.putArray("links").addObject().put("href", dashboardUrl).put("text", "LLM Uptime Monitor");
        return root;
    }
}
