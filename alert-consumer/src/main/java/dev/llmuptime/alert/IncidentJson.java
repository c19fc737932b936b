package dev.llmuptime.alert;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmuptime.schema.AlertEvent;
import java.time.Instant;

/** How {@code GET /api/v1/incidents/{alertId}} shows an incident: times in ISO-8601 UTC, the duration also in seconds. */
final class IncidentJson {

    private IncidentJson() {
    }

    static ObjectNode render(Incident incident) {
        AlertEvent alert = incident.alert();
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("alertId", alert.getAlertId())
                .put("rule", alert.getRule()).put("severity", alert.getSeverity())
                .put("targetId", alert.getTargetId()).put("model", alert.getModel())
                .put("provider", alert.getProvider())
                .put("status", incident.status()).put("summary", alert.getSummary())
                .put("startedAt", iso(incident.startedAt())).put("endedAt", iso(incident.endedAt()))
                .put("duration", incident.duration().toString())
                .put("durationSeconds", incident.duration().toSeconds())
                .put("asOf", iso(incident.asOf()));
        ArrayNode timeline = node.putArray("timeline");
        incident.timeline().forEach(entry -> timeline.add(entry(entry)));
        node.put("timelineReadFrom", iso(incident.readFrom())).put("timelineComplete", incident.timelineComplete());
        EpisodeProbes probes = incident.probes();
        ArrayNode regions = node.putArray("regions");
        probes.regions().forEach(regions::add);
        ObjectNode counts = node.putObject("probes").put("from", iso(probes.from())).put("to", iso(probes.to()))
                .put("total", probes.total()).put("failed", probes.failed());
        ObjectNode outcomes = counts.putObject("outcomes");
        probes.outcomes().forEach(outcomes::put);
        counts.put("complete", probes.incomplete() == null).put("incomplete", probes.incomplete());
        ArrayNode failures = node.putArray("failures");
        probes.failures().forEach(failure -> failures.addObject().put("requestId", failure.requestId())
                .put("at", iso(failure.at())).put("region", failure.region()).put("outcome", failure.outcome())
                .put("httpStatus", failure.httpStatus()).put("errorCode", failure.errorCode())
                .put("probeId", failure.probeId()));
        node.put("failuresListed", probes.failures().size()).put("failuresUnlisted", probes.unlisted())
                .put("failuresListLimit", probes.listLimit());
        return node;
    }

    private static ObjectNode entry(TimelineEntry entry) {
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("at", iso(entry.at()))
                .put("kind", entry.kind().label()).put("detail", entry.detail());
        ArrayNode notify = node.putArray("notify");
        entry.receivers().forEach(notify::add);
        if (entry.kind() == TimelineEntry.Kind.ACKNOWLEDGED) {
            node.put("by", entry.by()).put("comment", entry.comment());
        }
        return node;
    }

    private static String iso(Instant at) {
        return at == null ? null : at.toString();
    }
}
