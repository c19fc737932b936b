package dev.llmuptime.alert;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmuptime.schema.AlertEvent;
import java.time.Instant;
import java.util.Optional;

/** How the alerts API shows a firing alert, a record of the alerts topic and a silence. */
final class AlertJson {

    private final ObjectMapper json;

    AlertJson(ObjectMapper json) {
        this.json = json;
    }

    ObjectMapper mapper() {
        return json;
    }

    /**
     * A firing alert and its state: {@code acknowledged} when someone took it on, else {@code silenced}
     * or {@code held} (with {@code heldBy}) while something holds it back, else {@code firing}.
     */
    ObjectNode active(Episode episode, AlertEvent firing, Optional<Acknowledgement> ack, Optional<String> heldBy) {
        ObjectNode node = event(firing);
        AlertLabels labels = episode.labels();
        node.put("region", labels.region());
        node.put("state", state(ack.isPresent(), heldBy));
        heldBy.ifPresent(reason -> node.put("heldBy", reason));
        node.put("notification", episode.notification()).put("escalation", episode.escalation());
        node.set("receivers", json.valueToTree(episode.receivers()));
        ack.ifPresent(taken -> node.set("acknowledged", json.createObjectNode().put("by", taken.by())
                .put("comment", taken.comment()).put("at", taken.at().toString())));
        return node;
    }

    /** {@code acknowledged} when someone took it on, else {@code silenced} or {@code held} while held back, else firing. */
    static String state(boolean acknowledged, Optional<String> heldBy) {
        return acknowledged ? "acknowledged" : heldBy.map(reason -> reason.startsWith(Silence.REASON_PREFIX)
                ? "silenced" : "held").orElse("firing");
    }

    /** One record of the alerts topic, with what its headers decided. */
    ObjectNode historyEntry(AlertHistory.Entry entry) {
        ObjectNode node = json.createObjectNode().put("at", entry.at().toString());
        NoticeHeaders.Read notice = entry.notice();
        node.put("notice", notice.kind() == null ? NoticeKind.TRANSITION.header() : notice.kind());
        node.setAll(event(entry.event()));
        node.put("notification", notice.notification()).put("escalation", notice.escalation());
        node.set("notify", json.valueToTree(notice.receivers()));
        if (notice.heldBy() != null) {
            node.put("heldBy", notice.heldBy());
        }
        if (entry.acknowledgedBy() != null) {
            node.set("acknowledged", json.createObjectNode().put("by", entry.acknowledgedBy())
                    .put("comment", entry.comment()));
        }
        return node;
    }

    ObjectNode silence(Silence silence, Instant now) {
        ObjectNode node = json.valueToTree(silence);
        node.put("state", silence.state(now).label());
        return node;
    }

    private ObjectNode event(AlertEvent event) {
        ObjectNode node = json.createObjectNode().put("alertId", event.getAlertId()).put("rule", event.getRule())
                .put("severity", event.getSeverity()).put("status", event.getStatus().name())
                .put("targetId", event.getTargetId()).put("provider", event.getProvider()).put("model", event.getModel())
                .put("summary", event.getSummary());
        putTime(node, "startsAt", event.getStartsAt());
        putTime(node, "endsAt", event.getEndsAt());
        return node;
    }

    private static void putTime(ObjectNode node, String field, Instant at) {
        if (at != null) {
            node.put(field, at.toString());
        }
    }
}
