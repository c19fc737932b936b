package dev.llmuptime.aggregator;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * What the alert consumer decided about one record of the alerts topic, as its headers say:
 * {@code llm.notice} (transition, reminder, escalation, release or acknowledged), {@code llm.notification},
 * {@code llm.escalation}, {@code llm.held} (e.g. {@code silence:<id>}, {@code maintenance},
 * {@code inhibited:<id>}), and on an acknowledgement {@code llm.acknowledged-by} and {@code llm.comment}.
 *
 * @param kind a record without {@code llm.notice} was written before routes existed: a transition
 * @param heldBy why the record was written but not sent; null when it was sent
 */
record AlertNotice(String kind, int notification, int escalation, String heldBy, String acknowledgedBy,
        String comment) {

    static final String TRANSITION = "transition";
    static final String REMINDER = "reminder";
    static final String ESCALATION = "escalation";
    static final String RELEASE = "release";
    static final String ACKNOWLEDGED = "acknowledged";

    static AlertNotice read(Headers headers) {
        String kind = last(headers, "llm.notice");
        return new AlertNotice(kind == null ? TRANSITION : kind, number(last(headers, "llm.notification")),
                number(last(headers, "llm.escalation")), last(headers, "llm.held"),
                last(headers, "llm.acknowledged-by"), last(headers, "llm.comment"));
    }

    private static String last(Headers headers, String key) {
        Header header = headers.lastHeader(key);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static int number(String text) {
        try {
            return text == null ? 0 : Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
