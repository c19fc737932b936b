package dev.llmuptime.alert;

import java.util.Arrays;
import java.util.Optional;

/** What a record of the alerts topic tells its webhooks, as its {@code llm.notice} header names it. */
enum NoticeKind {
    /** A FIRING or RESOLVED decided by the rules. */
    TRANSITION("transition"),
    /** The alert still fires and nobody acknowledged it: its receivers are told again. */
    REMINDER("reminder"),
    /** Nobody acknowledged it in time: the escalation step's webhooks are told. */
    ESCALATION("escalation"),
    /** The FIRING of an alert that was held back, sent now that nothing holds it. */
    RELEASE("release"),
    /** Someone took the alert on: recorded for the audit, sent to no webhook. */
    ACKNOWLEDGED("acknowledged");

    private final String header;

    NoticeKind(String header) {
        this.header = header;
    }

    String header() {
        return header;
    }

    /** The kind a {@code llm.notice} header names; empty for one of a newer release. */
    static Optional<NoticeKind> ofHeader(String header) {
        return Arrays.stream(values()).filter(kind -> kind.header.equals(header)).findFirst();
    }
}
