package dev.llmuptime.alert;

import java.util.ArrayList;
import java.util.List;

/**
 * What has been sent of one firing episode, as kept in the state topic until it resolves. Times are
 * epoch milliseconds. The canonical constructor is what the state topic's JSON is read with.
 *
 * @param firing        the FIRING event in the alerts topic's encoding, repeated by reminders
 * @param receivers     the webhooks told so far; they are told of the RESOLVED too
 * @param heldBy        why it was held back, while it has never been sent; null once sent
 * @param notifiedSince when it was first sent (escalations count from then); null while never sent
 * @param lastNotified  when its receivers were last told, by the FIRING or a reminder
 * @param notification  reminders sent
 * @param escalation    escalation steps reached
 * @param acknowledgedBy who took it on, once the evaluator recorded it; null before
 */
record Episode(String alertId, AlertLabels labels, byte[] firing, List<String> receivers, String heldBy,
        Long notifiedSince, long lastNotified, int notification, int escalation, String acknowledgedBy) {

    Episode {
        receivers = List.copyOf(receivers);
    }

    /** An episode sent at {@code now} to {@code receivers}. */
    static Episode sent(String alertId, AlertLabels labels, byte[] firing, List<String> receivers, long now) {
        return new Episode(alertId, labels, firing, receivers, null, now, now, 0, 0, null);
    }

    /** An episode held back by {@code heldBy} from the start. */
    static Episode held(String alertId, AlertLabels labels, byte[] firing, String heldBy, long now) {
        return new Episode(alertId, labels, firing, List.of(), heldBy, null, now, 0, 0, null);
    }

    boolean sent() {
        return notifiedSince != null;
    }

    /** Still held back, now by {@code reason}. */
    Episode heldBy(String reason) {
        return new Episode(alertId, labels, firing, receivers, reason, notifiedSince, lastNotified, notification,
                escalation, acknowledgedBy);
    }

    /** Sent at last, at {@code now}, to {@code to}: its timers start now. */
    Episode released(List<String> to, long now) {
        return new Episode(alertId, labels, firing, to, null, now, now, notification, escalation, acknowledgedBy);
    }

    /** Reminded at {@code now}. */
    Episode reminded(long now) {
        return new Episode(alertId, labels, firing, receivers, heldBy, notifiedSince, now, notification + 1, escalation,
                acknowledgedBy);
    }

    /** Escalated one step further, to {@code newcomers} besides those told already. */
    Episode escalated(List<String> newcomers) {
        List<String> all = new ArrayList<>(receivers);
        all.addAll(newcomers);
        return new Episode(alertId, labels, firing, all, heldBy, notifiedSince, lastNotified, notification,
                escalation + 1, acknowledgedBy);
    }

    /** Taken on by {@code by}: no more reminders or escalations. */
    Episode acknowledged(String by) {
        return new Episode(alertId, labels, firing, receivers, heldBy, notifiedSince, lastNotified, notification,
                escalation, by);
    }
}
