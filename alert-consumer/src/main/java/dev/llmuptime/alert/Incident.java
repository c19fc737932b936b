package dev.llmuptime.alert;

import dev.llmuptime.schema.AlertEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One alert's episode, from its FIRING to its RESOLVED (or now), with the probes of the target meanwhile.
 *
 * @param alert       the episode's FIRING as written (rule, severity, target, model, provider, summary)
 * @param status      {@code firing}, {@code acknowledged}, {@code silenced}, {@code held} or {@code resolved}
 * @param endedAt     when it resolved; null while it fires
 * @param asOf        when the incident was read: the end of the duration of one still firing
 * @param readFrom    the alerts topic was read from this time on
 * @param timelineComplete false when the alerts topic could not be read to its end in time
 */
record Incident(AlertEvent alert, String status, Instant startedAt, Instant endedAt, Instant asOf, Instant readFrom,
        List<TimelineEntry> timeline, boolean timelineComplete, EpisodeProbes probes) {

    Incident {
        timeline = List.copyOf(timeline);
    }

    Duration duration() {
        return Duration.between(startedAt, endedAt == null ? asOf : endedAt);
    }
}
