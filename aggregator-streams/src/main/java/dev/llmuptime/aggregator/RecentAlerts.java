package dev.llmuptime.aggregator;

import dev.llmuptime.schema.AlertEvent;
import dev.llmuptime.schema.AlertStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The alerts topic as a table keyed by {@code alertId}: each episode that is still firing or ended
 * within {@link #HORIZON}, as an {@link Incident}. Written by one reader, read by any HTTP request.
 */
final class RecentAlerts {

    /** How far back the status page lists incidents. */
    static final Duration HORIZON = Duration.ofDays(7);
    /** How far back the dashboard's alerts panel lists resolved alerts. */
    static final Duration PANEL_HORIZON = Duration.ofHours(24);

    private static final Comparator<Incident> LATEST_STARTED_FIRST = Comparator
            .comparing((Incident incident) -> incident.event().getStartsAt()).reversed()
            .thenComparing(incident -> incident.event().getAlertId());

    private final ConcurrentMap<String, Incident> byAlertId = new ConcurrentHashMap<>();

    /** One record of the alerts topic, written at {@code at}. */
    void apply(AlertEvent event, AlertNotice notice, Instant at, Instant now) {
        if (endedBefore(event, now.minus(HORIZON))) {
            byAlertId.remove(event.getAlertId());
            return;
        }
        byAlertId.compute(event.getAlertId(), (alertId, known) -> known == null ? Incident.of(event, notice, at)
                : known.with(event, notice, at));
    }

    /** Episodes firing now or ended within the horizon, the latest started first: their latest transition. */
    List<AlertEvent> recent(Instant now) {
        return within(now, HORIZON).stream().map(Incident::event).toList();
    }

    /** The alerts panel: episodes still firing, the latest started first, then those resolved within a day. */
    List<Incident> panel(Instant now) {
        return within(now, PANEL_HORIZON).stream()
                .sorted(Comparator.comparing(Incident::resolved).thenComparing(LATEST_STARTED_FIRST)).toList();
    }

    Optional<Incident> incident(String alertId) {
        return Optional.ofNullable(byAlertId.get(alertId));
    }

    private List<Incident> within(Instant now, Duration horizon) {
        byAlertId.values().removeIf(incident -> endedBefore(incident.event(), now.minus(HORIZON)));
        return byAlertId.values().stream().filter(incident -> !endedBefore(incident.event(), now.minus(horizon)))
                .sorted(LATEST_STARTED_FIRST).toList();
    }

    private static boolean endedBefore(AlertEvent event, Instant horizon) {
        return event.getStatus() == AlertStatus.RESOLVED
                && (event.getEndsAt() == null ? event.getEmittedAt() : event.getEndsAt()).isBefore(horizon);
    }
}
