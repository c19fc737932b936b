package dev.llmuptime.alert;

import dev.llmuptime.schema.AlertEvent;
import java.util.List;

/**
 * One record the evaluator writes to the alerts topic: the event, and what delivery is to do with it.
 *
 * @param notification 0 for the transition, release or escalation; n for the n-th reminder
 * @param escalation   the escalation steps the episode has reached
 * @param receivers    the webhooks it goes to; empty when it goes to none
 * @param heldBy       why it is recorded but not sent (e.g. {@code maintenance}); null when it is sent
 */
record Notice(AlertEvent event, NoticeKind kind, int notification, int escalation, List<String> receivers,
        String heldBy) {

    Notice {
        receivers = List.copyOf(receivers);
    }

    /** Recorded only: {@code heldBy} holds it back. */
    static Notice held(AlertEvent event, NoticeKind kind, int escalation, String heldBy) {
        return new Notice(event, kind, 0, escalation, List.of(), heldBy);
    }
}
