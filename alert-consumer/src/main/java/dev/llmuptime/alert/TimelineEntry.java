package dev.llmuptime.alert;

import dev.llmuptime.schema.AlertEvent;
import dev.llmuptime.schema.AlertStatus;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One step of an incident, read from one record of the alerts topic: its headers tell the kind.
 *
 * @param detail   one line for people, with no receiver address or secret
 * @param receivers the webhooks the record went to
 * @param by       who acknowledged it, on an {@code acknowledged} step; null on others
 * @param comment  what they said, on an {@code acknowledged} step; null on others
 */
record TimelineEntry(Instant at, Kind kind, String detail, List<String> receivers, String by, String comment) {

    TimelineEntry {
        receivers = List.copyOf(receivers);
    }

    /** What happened, as the incident's timeline names it. */
    enum Kind {
        FIRED, REMINDED, ESCALATED, ACKNOWLEDGED, SILENCED, RELEASED, RESOLVED;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The step {@code entry} records; empty for a kind of a newer release. */
    static Optional<TimelineEntry> of(AlertHistory.Entry entry) {
        NoticeHeaders.Read notice = entry.notice();
        AlertEvent event = entry.event();
        // A record without the header was written before routes existed: a plain transition.
        Optional<NoticeKind> kind = notice.kind() == null ? Optional.of(NoticeKind.TRANSITION)
                : NoticeKind.ofHeader(notice.kind());
        return kind.map(known -> switch (known) {
            case TRANSITION -> event.getStatus() == AlertStatus.RESOLVED
                    ? step(entry, Kind.RESOLVED, event.getSummary())
                    : notice.heldBy() == null ? step(entry, Kind.FIRED, event.getSummary())
                    : step(entry, Kind.SILENCED, "fired, held back by " + notice.heldBy() + ": sent to nobody");
            case REMINDER -> step(entry, Kind.REMINDED, "reminder " + notice.notification());
            case ESCALATION -> step(entry, Kind.ESCALATED, "escalation step " + notice.escalation());
            case RELEASE -> step(entry, Kind.RELEASED, "the hold ended: sent");
            case ACKNOWLEDGED -> new TimelineEntry(entry.at(), Kind.ACKNOWLEDGED, "by " + entry.acknowledgedBy(),
                    notice.receivers(), entry.acknowledgedBy(), entry.comment());
        });
    }

    private static TimelineEntry step(AlertHistory.Entry entry, Kind kind, String detail) {
        return new TimelineEntry(entry.at(), kind, detail, entry.notice().receivers(), null, null);
    }
}
