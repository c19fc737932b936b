package dev.llmuptime.alert;

import dev.llmuptime.schema.AlertEvent;
import dev.llmuptime.schema.AlertEventSerde;
import dev.llmuptime.schema.AlertStatus;
import dev.llmuptime.schema.ProbeEvidence;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds an alert's incident: its records in the alerts topic (read from a bounded look-back), its
 * state now, and the probes of its target during the episode. Blocking: call it off the event loop.
 */
final class Incidents {

    /** How far back an alert id whose start is unknown is looked for. */
    static final Duration LOOK_BACK = Duration.ofDays(7);
    /** Read this much before the episode's start: another instance's clock may be a little behind. */
    static final Duration CLOCK_MARGIN = Duration.ofMinutes(5);

    private static final String TOPIC = "alerts";

    private final AlertHistory history;
    private final ProbeResultsReader probes;
    private final SharedView view;
    private final Holds holds;
    private final Clock clock;
    private final AlertEventSerde serde = new AlertEventSerde();

    Incidents(AlertHistory history, ProbeResultsReader probes, SharedView view, Holds holds, Clock clock) {
        this.history = history;
        this.probes = probes;
        this.view = view;
        this.holds = holds;
        this.clock = clock;
    }

    /** The incident of {@code alertId}; empty when the alerts topic has no record of it since the look-back. */
    Optional<Incident> find(String alertId) {
        Instant now = clock.instant();
        Optional<Episode> live = view.episodes().get(alertId);
        Optional<AlertEvent> liveFiring = live.map(episode -> serde.deserializer().deserialize(TOPIC,
                episode.firing()));
        Instant readFrom = liveFiring.map(AlertEvent::getStartsAt).or(() -> startOf(alertId))
                .map(start -> start.minus(CLOCK_MARGIN)).orElse(now.minus(LOOK_BACK));
        AlertHistory.Page page = history.since(readFrom, event -> alertId.equals(event.getAlertId()));
        List<AlertEvent> events = page.entries().stream().map(AlertHistory.Entry::event).toList();
        // The FIRING tells the episode; when the read did not reach it, the shared view of firing alerts does.
        Optional<AlertEvent> alert = events.stream().filter(event -> event.getStatus() == AlertStatus.FIRING)
                .findFirst().or(() -> liveFiring).or(() -> events.stream().findFirst());
        return alert.map(firing -> incident(firing, page, live, readFrom, now));
    }

    private Incident incident(AlertEvent alert, AlertHistory.Page page, Optional<Episode> live, Instant readFrom,
            Instant now) {
        List<TimelineEntry> timeline = page.entries().stream().map(TimelineEntry::of).flatMap(Optional::stream)
                .toList();
        Optional<AlertEvent> resolved = page.entries().stream().map(AlertHistory.Entry::event)
                .filter(event -> event.getStatus() == AlertStatus.RESOLVED).findFirst();
        Instant startedAt = alert.getStartsAt();
        Instant endedAt = resolved.map(event -> event.getEndsAt() != null ? event.getEndsAt() : event.getEmittedAt())
                .orElse(null);
        String status = resolved.isPresent() ? "resolved" : status(alert.getAlertId(), live, timeline, now);
        Instant probesFrom = earliestEvidence(page.entries()).filter(first -> first.isBefore(startedAt))
                .orElse(startedAt);
        EpisodeProbes episodeProbes = probes.read(alert.getTargetId(), probesFrom, endedAt == null ? now : endedAt);
        return new Incident(alert, status, startedAt, endedAt, now, readFrom, timeline, !page.truncated(),
                episodeProbes);
    }

    /** A firing alert's state, as {@code GET /api/v1/alerts} tells it. */
    private String status(String alertId, Optional<Episode> live, List<TimelineEntry> timeline, Instant now) {
        boolean acknowledged = view.acks().of(alertId).isPresent()
                || timeline.stream().anyMatch(entry -> entry.kind() == TimelineEntry.Kind.ACKNOWLEDGED);
        Optional<String> heldBy = live.flatMap(episode -> episode.heldBy() != null ? Optional.of(episode.heldBy())
                : holds.heldBy(episode.labels(), now.toEpochMilli()));
        return AlertJson.state(acknowledged, heldBy);
    }

    /** The failed probes the episode's records carried explain it: the episode's probes start with the first. */
    private static Optional<Instant> earliestEvidence(List<AlertHistory.Entry> entries) {
        return entries.stream().map(entry -> EvidenceFormat.of(entry.event())).flatMap(List::stream)
                .map(ProbeEvidence::getStartedAt).filter(Objects::nonNull).min(Comparator.naturalOrder());
    }

    /**
     * The start of the episode an alert id names: the evaluator ends each id with it, in epoch
     * milliseconds ({@code <rule>:<target>[:<region>]:<start>}); empty for an id of another shape.
     */
    static Optional<Instant> startOf(String alertId) {
        String last = alertId.substring(alertId.lastIndexOf(':') + 1);
        if (last.isEmpty() || last.length() > 15 || !last.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Optional.of(Instant.ofEpochMilli(Long.parseLong(last)));
    }
}
