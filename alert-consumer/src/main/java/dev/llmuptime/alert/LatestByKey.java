package dev.llmuptime.alert;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest value of each key of a compacted topic, as a thread tailing it applies the records:
 * read by other threads (the evaluator, the API) meanwhile.
 */
final class LatestByKey<V> {

    private final Map<String, V> values = new ConcurrentHashMap<>();

    /** Applies one record; null: a tombstone. */
    void put(String key, V value) {
        if (value == null) {
            values.remove(key);
        } else {
            values.put(key, value);
        }
    }

    Optional<V> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** Every value, in no order. */
    List<V> all() {
        return List.copyOf(values.values());
    }
}
