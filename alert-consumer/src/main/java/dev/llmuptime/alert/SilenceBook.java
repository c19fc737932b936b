package dev.llmuptime.alert;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The silences as read from their topic: what holds an alert back now ({@code silence:<id>}) and what
 * the API lists. Written by the thread tailing the topic, read by the evaluator and the API.
 */
final class SilenceBook implements Holds {

    private final Map<String, Entry> silences = new ConcurrentHashMap<>();

    /** Applies one record of the topic; null: a tombstone. */
    void put(String id, Silence silence) {
        if (silence == null) {
            silences.remove(id);
        } else {
            silences.put(id, new Entry(silence, LabelMatch.of(silence.match())));
        }
    }

    Optional<Silence> get(String id) {
        return Optional.ofNullable(silences.get(id)).map(Entry::silence);
    }

    /** Every silence, pending, active and expired, the earliest first. */
    List<Silence> all() {
        return silences.values().stream().map(Entry::silence)
                .sorted(Comparator.comparing(Silence::startsAt).thenComparing(Silence::id)).toList();
    }

    @Override
    public Optional<String> heldBy(AlertLabels labels, long now) {
        Instant at = Instant.ofEpochMilli(now);
        // The earliest silence names the hold, so every instance gives the same reason.
        return silences.values().stream()
                .filter(entry -> entry.silence().state(at) == Silence.State.ACTIVE && entry.match().matches(labels))
                .map(Entry::silence).min(Comparator.comparing(Silence::startsAt).thenComparing(Silence::id))
                .map(Silence::reason);
    }

    private record Entry(Silence silence, LabelMatch match) {
    }
}
