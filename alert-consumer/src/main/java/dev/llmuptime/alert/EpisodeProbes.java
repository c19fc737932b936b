package dev.llmuptime.alert;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The probes of a target during an incident, as read from the probe results topic.
 *
 * @param total      distinct probes that started between {@code from} and {@code to}
 * @param failed     those that were not up (neither SUCCESS nor SLOW)
 * @param outcomes   probes per outcome
 * @param regions    the regions where probes failed, sorted
 * @param failures   the failed probes, oldest first: all of them, or the first {@code listLimit} read
 * @param incomplete why not every probe of the span was counted; null when every one was
 */
record EpisodeProbes(Instant from, Instant to, long total, long failed, Map<String, Long> outcomes,
        List<String> regions, List<FailedProbe> failures, int listLimit, String incomplete) {

    EpisodeProbes {
        // Sorted by outcome, so the answers read the same each time.
        outcomes = Collections.unmodifiableSortedMap(new TreeMap<>(outcomes));
        regions = List.copyOf(regions);
        failures = List.copyOf(failures);
    }

    /** Failed probes counted but left out of {@link #failures()} by the limit. */
    long unlisted() {
        return failed - failures.size();
    }
}
