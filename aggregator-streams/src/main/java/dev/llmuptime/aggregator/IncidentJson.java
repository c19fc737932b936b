package dev.llmuptime.aggregator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmuptime.schema.AlertEvent;
import dev.llmuptime.schema.ProbeEvidence;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The JSON shapes of the alerts panel and the incident page; timestamps ISO-8601 UTC. */
final class IncidentJson {

    private final ObjectMapper json;

    IncidentJson(ObjectMapper json) {
        this.json = json;
    }

    ArrayNode panel(List<Incident> incidents) {
        ArrayNode list = json.createArrayNode();
        incidents.forEach(incident -> list.add(summary(incident)));
        return list;
    }

    /** An alert as the panel lists it, with the address of its incident page. */
    ObjectNode summary(Incident incident) {
        AlertEvent event = incident.event();
        ObjectNode node = json.createObjectNode().put("alertId", event.getAlertId())
                .put("state", incident.state().label())
                .put("rule", event.getRule()).put("severity", event.getSeverity())
                .put("targetId", event.getTargetId()).put("provider", event.getProvider())
                .put("model", event.getModel()).put("summary", event.getSummary())
                .put("startsAt", event.getStartsAt().toString())
                .put("endsAt", text(incident.endedAt()))
                .put("heldBy", incident.resolved() ? null : incident.heldBy())
                .put("held", incident.resolved() || incident.heldBy() == null ? null
                        : HoldReason.describe(incident.heldBy()))
                .put("acknowledgedBy", incident.acknowledgedBy())
                .put("incident", "/incidents/" + URLEncoder.encode(event.getAlertId(), StandardCharsets.UTF_8)
                        .replace("+", "%20"));
        return node;
    }

    /** The whole incident: the panel's fields, the rule's numbers, the timeline and the evidence. */
    ObjectNode incident(Incident incident, Instant now) {
        AlertEvent event = incident.event();
        ObjectNode node = summary(incident).put("metric", event.getMetric()).put("value", event.getValue())
                .put("threshold", event.getThreshold())
                .put("comment", incident.comment())
                .put("durationSeconds", Duration.between(event.getStartsAt(),
                        incident.resolved() ? incident.endedAt() : now).toSeconds());
        ArrayNode timeline = node.putArray("timeline");
        for (IncidentStep step : incident.steps()) {
            timeline.addObject().put("at", step.at().toString()).put("kind", step.kind().label())
                    .put("detail", step.detail());
        }
        ArrayNode evidence = node.putArray("evidence");
        for (ProbeEvidence probe : incident.evidence()) {
            evidence.addObject().put("probeId", probe.getProbeId()).put("startedAt", probe.getStartedAt().toString())
                    .put("region", probe.getRegion()).put("outcome", probe.getOutcome().name())
                    .put("httpStatus", probe.getHttpStatus()).put("errorCode", probe.getErrorCode())
                    .put("requestId", probe.getRequestId()).put("message", probe.getMessage());
        }
        return node;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
