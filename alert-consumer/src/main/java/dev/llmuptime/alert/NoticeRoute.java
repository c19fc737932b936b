package dev.llmuptime.alert;

import dev.llmuptime.schema.AlertEvent;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.common.header.Headers;

/**
 * The route stage of one webhook's delivery: whether a record of the alerts topic is for this webhook,
 * and as which notification. The evaluator decided it and wrote it in the record's headers; a record
 * of an older release has none and goes where its rule's {@code notify} says.
 */
final class NoticeRoute {

    private final String webhook;
    private final Function<String, Rule> rules;

    NoticeRoute(String webhook, Function<String, Rule> rules) {
        this.webhook = webhook;
        this.rules = rules;
    }

    /** The notification this webhook is to get of {@code event}; empty when it is not for this webhook. */
    Optional<Notification> notificationOf(AlertEvent event, Headers headers) {
        NoticeHeaders.Read notice = NoticeHeaders.read(headers);
        if (notice.kind() == null) {
            Rule rule = rules.apply(event.getRule());
            return rule != null && !rule.notifies(webhook) ? Optional.empty() : Optional.of(new Notification(event, 0));
        }
        if (notice.heldBy() != null || !notice.receivers().contains(webhook)) {
            return Optional.empty();
        }
        return Optional.of(new Notification(event, notice.notification()));
    }
}
