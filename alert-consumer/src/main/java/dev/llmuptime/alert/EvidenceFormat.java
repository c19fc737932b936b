package dev.llmuptime.alert;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.llmuptime.schema.AlertEvent;
import dev.llmuptime.schema.ProbeEvidence;
import java.util.List;
import java.util.StringJoiner;

/** An alert's evidence as the payloads show it: JSON objects, or one short line per failed probe. */
final class EvidenceFormat {

    /** Longest message a line shows: lines go into chat messages and annotations, the JSON keeps it whole. */
    private static final int LINE_MESSAGE_LENGTH = 80;

    private EvidenceFormat() {
    }

    /** The event's failed probes; none for an event written before events carried them (null). */
    static List<ProbeEvidence> of(AlertEvent event) {
        return event.getEvidence() == null ? List.of() : event.getEvidence();
    }

    /** Each failed probe with every field, {@code startedAt} as ISO-8601 UTC. */
    static ArrayNode json(List<ProbeEvidence> evidence) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (ProbeEvidence probe : evidence) {
            array.addObject()
                    .put("probeId", probe.getProbeId())
                    .put("startedAt", Payload.iso(probe.getStartedAt()))
                    .put("region", probe.getRegion())
                    .put("outcome", probe.getOutcome().name())
                    .put("httpStatus", probe.getHttpStatus())
                    .put("errorCode", probe.getErrorCode())
                    .put("requestId", probe.getRequestId())
                    .put("message", probe.getMessage());
        }
        return array;
    }

    /** E.g. {@code 2026-11-26T10:00:02Z eu-west SERVER_ERROR 503 server_error request req_1: overloaded}. */
    static String line(ProbeEvidence probe) {
        StringJoiner line = new StringJoiner(" ");
        line.add(Payload.iso(probe.getStartedAt())).add(probe.getRegion()).add(probe.getOutcome().name());
        if (probe.getHttpStatus() != null) {
            line.add(String.valueOf(probe.getHttpStatus()));
        }
        if (probe.getErrorCode() != null) {
            line.add(probe.getErrorCode());
        }
        if (probe.getRequestId() != null) {
            line.add("request").add(probe.getRequestId());
        }
        String message = probe.getMessage() == null ? null : probe.getMessage().strip().replaceAll("\\s+", " ");
        if (message == null || message.isEmpty()) {
            return line.toString();
        }
        return line + ": " + (message.length() <= LINE_MESSAGE_LENGTH ? message
                : message.substring(0, LINE_MESSAGE_LENGTH - 1) + "…");
    }
}
