package dev.llmuptime.aggregator;

import dev.llmuptime.schema.AlertEvent;
import dev.llmuptime.schema.AlertStatus;
import java.time.Instant;
import java.util.List;

/** One line of an incident's timeline: what happened to the alert, when the alerts topic recorded it. */
record IncidentStep(Instant at, Kind kind, String detail) {

    enum Kind {
        FIRED, SILENCED, HELD, RELEASED, REMINDED, ESCALATED, ACKNOWLEDGED, RESOLVED;

        String label() {
            return name().toLowerCase();
        }
    }

    /** The steps one record of the alerts topic tells: a held FIRING is two, fired then silenced or held. */
    static List<IncidentStep> of(AlertEvent event, AlertNotice notice, Instant at) {
        return switch (notice.kind()) {
            case AlertNotice.REMINDER -> List.of(new IncidentStep(at, Kind.REMINDED,
                    "reminder " + notice.notification()));
            case AlertNotice.ESCALATION -> List.of(new IncidentStep(at, Kind.ESCALATED,
                    "escalation step " + notice.escalation()));
            case AlertNotice.RELEASE -> List.of(new IncidentStep(at, Kind.RELEASED,
                    "sent, now that nothing holds it back"));
            case AlertNotice.ACKNOWLEDGED -> List.of(new IncidentStep(at, Kind.ACKNOWLEDGED, acknowledgement(notice)));
            default -> transition(event, notice, at);
        };
    }

    private static List<IncidentStep> transition(AlertEvent event, AlertNotice notice, Instant at) {
        if (event.getStatus() == AlertStatus.RESOLVED) {
            return List.of(new IncidentStep(at, Kind.RESOLVED, event.getSummary()
                    + (notice.heldBy() == null ? "" : " (not sent: " + HoldReason.describe(notice.heldBy()) + ")")));
        }
        IncidentStep fired = new IncidentStep(at, Kind.FIRED, event.getSummary());
        if (notice.heldBy() == null) {
            return List.of(fired);
        }
        Kind held = HoldReason.isSilence(notice.heldBy()) ? Kind.SILENCED : Kind.HELD;
        return List.of(fired, new IncidentStep(at, held, HoldReason.describe(notice.heldBy())));
    }

    private static String acknowledgement(AlertNotice notice) {
        String by = notice.acknowledgedBy() == null || notice.acknowledgedBy().isBlank() ? "someone"
                : notice.acknowledgedBy();
        return "by " + by + (notice.comment() == null || notice.comment().isBlank() ? "" : ": " + notice.comment());
    }
}
