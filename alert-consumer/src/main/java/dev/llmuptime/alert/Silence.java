package dev.llmuptime.alert;

import dev.llmuptime.config.AlertMatch;
import java.time.Instant;

/**
 * Alerts {@code match} selects are held back from {@code startsAt} until {@code endsAt}, as kept,
 * keyed by id, in the silences topic. Deleting a silence ends it now; it stays for the audit.
 */
record Silence(String id, AlertMatch match, Instant startsAt, Instant endsAt, String comment, String createdBy) {

    static final String REASON_PREFIX = "silence:";

    State state(Instant now) {
        if (now.isBefore(startsAt)) {
            return State.PENDING;
        }
        return now.isBefore(endsAt) ? State.ACTIVE : State.EXPIRED;
    }

    /** The reason a held alert's {@code llm.held} header gives. */
    String reason() {
        return REASON_PREFIX + id;
    }

    /** Ended at {@code now}, unless it ended earlier. */
    Silence endedAt(Instant now) {
        Instant end = now.isBefore(endsAt) ? now : endsAt;
        return new Silence(id, match, startsAt.isAfter(end) ? end : startsAt, end, comment, createdBy);
    }

    enum State {
        PENDING, ACTIVE, EXPIRED;

        String label() {
            return name().toLowerCase();
        }
    }
}
