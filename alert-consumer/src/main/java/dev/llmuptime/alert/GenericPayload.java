package dev.llmuptime.alert;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmuptime.config.WebhookConfig;
import dev.llmuptime.schema.AlertEvent;

/** Every AlertEvent field, timestamps as ISO-8601 UTC (in the evidence too), plus {@code dashboardUrl}. */
final class GenericPayload implements Payload {

    @Override
    public ObjectNode render(AlertEvent event, WebhookConfig webhook, String dashboardUrl) {
        ObjectNode root = JSON.createObjectNode()
                .put("alertId", event.getAlertId())
                .put("rule", event.getRule())
                .put("severity", event.getSeverity())
                .put("status", event.getStatus().name())
                .put("targetId", event.getTargetId())
                .put("provider", event.getProvider())
                .put("model", event.getModel())
                .put("metric", event.getMetric())
                .put("value", event.getValue())
                .put("threshold", event.getThreshold())
                .put("windowStart", Payload.iso(event.getWindowStart()))
                .put("windowEnd", Payload.iso(event.getWindowEnd()))
                .put("startsAt", Payload.iso(event.getStartsAt()))
                .put("endsAt", Payload.iso(event.getEndsAt()))
                .put("summary", event.getSummary())
                .put("emittedAt", Payload.iso(event.getEmittedAt()));
        root.set("evidence", EvidenceFormat.json(EvidenceFormat.of(event)));
        return root.put("dashboardUrl", dashboardUrl);
    }
}
