package dev.llmuptime.aggregator;

import dev.llmuptime.schema.AlertEvent;
import dev.llmuptime.schema.AlertStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The alerts topic as a table keyed by {@code alertId}: the latest transition of each episode that
 * is still firing or ended within {@link #HORIZON}. Written by one reader, read by any HTTP request.
 */
final class RecentAlerts {

    /** How far back the status page lists incidents. */
    static final Duration HORIZON = Duration.ofDays(7);

    private final ConcurrentMap<String, AlertEvent> byAlertId = new ConcurrentHashMap<>();

    void apply(AlertEvent event, Instant now) {
        if (endedBefore(event, now.minus(HORIZON))) {
            byAlertId.remove(event.getAlertId());
            return;
        }
        byAlertId.merge(event.getAlertId(), event, RecentAlerts::later);
    }

    /** Episodes firing now or ended within the horizon, the latest started first. */
    List<AlertEvent> recent(Instant now) {
        Instant horizon = now.minus(HORIZON);
        byAlertId.values().removeIf(event -> endedBefore(event, horizon));
        return byAlertId.values().stream()
                .sorted(Comparator.comparing(AlertEvent::getStartsAt).reversed()
                        .thenComparing(AlertEvent::getAlertId))
                .toList();
    }

    /** An episode's RESOLVED is its last word: a FIRING (a reminder, say) read after it does not reopen it. */
    private static AlertEvent later(AlertEvent known, AlertEvent read) {
        return known.getStatus() == AlertStatus.RESOLVED && read.getStatus() == AlertStatus.FIRING ? known : read;
    }

    private static boolean endedBefore(AlertEvent event, Instant horizon) {
        return event.getStatus() == AlertStatus.RESOLVED
                && (event.getEndsAt() == null ? event.getEmittedAt() : event.getEndsAt()).isBefore(horizon);
    }
}
