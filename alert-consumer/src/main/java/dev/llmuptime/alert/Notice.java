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
 * @param acknowledgement who took the alert on, on the record of an acknowledgement; null on others
 */
record Notice(AlertEvent event, NoticeKind kind, int notification, int escalation, List<String> receivers,
        String heldBy, Acknowledgement acknowledgement) {

    Notice {
        receivers = List.copyOf(receivers);
    }

    Notice(AlertEvent event, NoticeKind kind, int notification, int escalation, List<String> receivers, String heldBy) {
        this(event, kind, notification, escalation, receivers, heldBy, null);
    }

    /** The audit record of {@code acknowledgement}: written to the alerts topic, sent to no webhook. */
    static Notice acknowledged(AlertEvent event, int escalation, Acknowledgement acknowledgement) {
        return new Notice(event, NoticeKind.ACKNOWLEDGED, 0, escalation, List.of(), null, acknowledgement);
    }

    /** Recorded only: {@code heldBy} holds it back. */
    static Notice held(AlertEvent event, NoticeKind kind, int escalation, String heldBy) {
        return new Notice(event, kind, 0, escalation, List.of(), heldBy);
    }
}
