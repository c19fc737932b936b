package dev.llmuptime.alert;

import dev.llmuptime.schema.AlertEvent;
import dev.llmuptime.schema.AlertStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * The alerts of one webhook that are firing, by alertId, with when each was last sent: what must be
 * sent again every {@code resendEvery} until its RESOLVED. Each is kept under the partition it came
 * from, so a partition given to another instance takes its alerts along. Not thread-safe.
 */
final class FiringAlerts {

    private record Firing(TopicPartition partition, AlertEvent event, Instant lastSent) {
    }

    private final Duration resendEvery;
    private final Map<String, Firing> byAlertId = new LinkedHashMap<>();

    FiringAlerts(Duration resendEvery) {
        this.resendEvery = resendEvery;
    }

    /** A FIRING starts (or refreshes) an alert, a RESOLVED ends it; {@code sentAt} null means due at once. */
    void record(TopicPartition partition, AlertEvent event, Instant sentAt) {
        if (event.getStatus() == AlertStatus.FIRING) {
            byAlertId.put(event.getAlertId(), new Firing(partition, event, sentAt));
        } else {
            byAlertId.remove(event.getAlertId());
        }
    }

    /** Drops the alerts of partitions this instance no longer owns. */
    void forget(Collection<TopicPartition> partitions) {
        byAlertId.values().removeIf(firing -> partitions.contains(firing.partition()));
    }

    /** The alerts not sent for {@code resendEvery} at {@code now}, oldest first. */
    List<AlertEvent> due(Instant now) {
        return byAlertId.values().stream()
                .filter(firing -> firing.lastSent() == null || !firing.lastSent().plus(resendEvery).isAfter(now))
                .map(Firing::event).toList();
    }

    /** {@code events} were sent (or tried) at {@code at}. */
    void sent(Collection<AlertEvent> events, Instant at) {
        for (AlertEvent event : events) {
            byAlertId.computeIfPresent(event.getAlertId(),
                    (alertId, firing) -> new Firing(firing.partition(), firing.event(), at));
        }
    }
}
