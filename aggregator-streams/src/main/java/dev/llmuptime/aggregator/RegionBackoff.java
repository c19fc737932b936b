package dev.llmuptime.aggregator;

import dev.llmuptime.aggregator.state.Backoff;
import dev.llmuptime.aggregator.state.Streak;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;

/**
 * A region's prober waiting longer than the target's cadence before its next probe, as the dashboard,
 * the API and {@code /metrics} show it. Read from each region's own streak, whose latest result
 * announced it: another region's probes neither hide nor end it. Once its time has passed it is over.
 */
record RegionBackoff(String region, String reason, Instant until) {

    /** The backoff of {@code streak}, the target's streak in {@code region}, while it still holds at {@code now}. */
    static Optional<RegionBackoff> of(String region, Streak streak, Instant now) {
        Backoff backoff = streak == null ? null : streak.getBackoff();
        if (backoff == null || backoff.getUntil() <= now.toEpochMilli()) {
            return Optional.empty();
        }
        return Optional.of(new RegionBackoff(region, backoff.getReason(), Instant.ofEpochMilli(backoff.getUntil())));
    }

    /** Of the target's streaks by region, the backoff that holds longest at {@code now}. */
    static Optional<RegionBackoff> longest(Map<String, Streak> regions, Instant now) {
        return regions.entrySet().stream().flatMap(entry -> of(entry.getKey(), entry.getValue(), now).stream())
                .max(Comparator.comparing(RegionBackoff::until));
    }
}
