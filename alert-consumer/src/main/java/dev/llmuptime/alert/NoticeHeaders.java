package dev.llmuptime.alert;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The headers that carry a {@link Notice}'s decisions on its alerts topic record: {@code llm.notice}
 * (its kind), {@code llm.notification}, {@code llm.escalation}, one {@code llm.notify} per receiving
 * webhook, and {@code llm.held}; an acknowledgement's record has {@code llm.acknowledged-by} and
 * {@code llm.comment}. A record without {@code llm.notice} was written before routes existed.
 */
final class NoticeHeaders {

    static final String KIND = "llm.notice";
    static final String NOTIFICATION = "llm.notification";
    static final String ESCALATION = "llm.escalation";
    static final String NOTIFY = "llm.notify";
    static final String HELD = "llm.held";
    static final String ACKNOWLEDGED_BY = "llm.acknowledged-by";
    static final String COMMENT = "llm.comment";

    private NoticeHeaders() {
    }

    static void write(Notice notice, Headers headers) {
        add(headers, KIND, notice.kind().header());
        add(headers, NOTIFICATION, String.valueOf(notice.notification()));
        add(headers, ESCALATION, String.valueOf(notice.escalation()));
        notice.receivers().forEach(webhook -> add(headers, NOTIFY, webhook));
        if (notice.heldBy() != null) {
            add(headers, HELD, notice.heldBy());
        }
        if (notice.acknowledgement() != null) {
            add(headers, ACKNOWLEDGED_BY, notice.acknowledgement().by());
            add(headers, COMMENT, notice.acknowledgement().comment());
        }
    }

    /** What the headers decided; empty kind for a record of an older release. */
    static Read read(Headers headers) {
        List<String> receivers = new ArrayList<>();
        headers.headers(NOTIFY).forEach(header -> receivers.add(text(header)));
        String notification = last(headers, NOTIFICATION);
        String escalation = last(headers, ESCALATION);
        return new Read(last(headers, KIND), notification == null ? 0 : Integer.parseInt(notification),
                escalation == null ? 0 : Integer.parseInt(escalation), receivers, last(headers, HELD));
    }

    private static void add(Headers headers, String key, String value) {
        headers.add(key, value.getBytes(StandardCharsets.UTF_8));
    }

    /** The last header {@code key} as text; null when there is none. */
    static String last(Headers headers, String key) {
        Header header = headers.lastHeader(key);
        return header == null ? null : text(header);
    }

    private static String text(Header header) {
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    /**
     * The headers of one record.
     *
     * @param kind the {@code llm.notice} header as written; null on a record of an older release
     */
    record Read(String kind, int notification, int escalation, List<String> receivers, String heldBy) {
    }
}
