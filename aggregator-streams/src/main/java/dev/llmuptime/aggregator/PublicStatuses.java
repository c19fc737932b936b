package dev.llmuptime.aggregator;

import dev.llmuptime.aggregator.state.Streak;
import dev.llmuptime.aggregator.state.WindowAccumulator;
import dev.llmuptime.schema.UptimeCounts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The public status of the targets in this instance's stores: state from the current streak (as
 * {@code /api/v1/targets} has it), uptime over each {@link UptimeWindow} and the daily bars. Only
 * counts are read, no sketch is decoded; each window size is read once per target.
 */
final class PublicStatuses {

    private final StatsQueries queries;
    private final Clock clock;

    PublicStatuses(StatsQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    /** Every local target, or only {@code targetId} when given (none when it is not here). */
    List<PublicTargetStatus> local(Optional<String> targetId) {
        Instant now = clock.instant();
        List<PublicTargetStatus> statuses = new ArrayList<>();
        if (targetId.isPresent()) {
            queries.streak(targetId.get()).ifPresent(streak -> statuses.add(of(targetId.get(), streak, now)));
        } else {
            queries.targets().forEach((id, streak) -> statuses.add(of(id, streak, now)));
        }
        return statuses;
    }

    private PublicTargetStatus of(String targetId, Streak streak, Instant now) {
        Duration barWindow = barWindow();
        Map<Duration, Instant> readFrom = new HashMap<>();
        readFrom.put(barWindow, DailyBars.firstDayStart(now, DailyBars.DAYS));
        for (UptimeWindow window : UptimeWindow.values()) {
            Duration size = queries.windowFor(window.period());
            readFrom.merge(size, alignedStart(now.minus(window.period()), size), (a, b) -> a.isBefore(b) ? a : b);
        }
        Map<Duration, List<WindowAccumulator>> series = new HashMap<>();
        readFrom.forEach((size, from) -> series.put(size, queries.series(targetId, WindowStatsProcessor.ALL_REGIONS,
                size, from, now.plusMillis(1))));

        Map<UptimeWindow, Double> uptime = new EnumMap<>(UptimeWindow.class);
        for (UptimeWindow window : UptimeWindow.values()) {
            Duration size = queries.windowFor(window.period());
            Double value = countsSince(series.get(size), alignedStart(now.minus(window.period()), size)).uptime();
            if (value != null) {
                uptime.put(window, value);
            }
        }
        TargetStatus status = TargetStatus.of(streak, uptime.get(UptimeWindow.HOUR), queries.windows().get(0), now);
        WindowAccumulator latest = latest(series.values());
        return new PublicTargetStatus(targetId, latest == null ? "" : latest.getProvider(),
                latest == null ? "" : latest.getModel(), latest == null ? "" : latest.getCheck(),
                PublicState.of(status), uptime, DailyBars.of(series.get(barWindow), now, DailyBars.DAYS));
    }

    /** The largest window size of at most a day, so that every window falls into one day; else the smallest. */
    private Duration barWindow() {
        Duration chosen = queries.windows().get(0);
        for (Duration window : queries.windows()) {
            if (window.compareTo(Duration.ofDays(1)) <= 0) {
                chosen = window;
            }
        }
        return chosen;
    }

    private static Instant alignedStart(Instant from, Duration size) {
        return from.minusMillis(Math.floorMod(from.toEpochMilli(), size.toMillis()));
    }

    private static UptimeCounts countsSince(List<WindowAccumulator> windows, Instant from) {
        UptimeCounts counts = new UptimeCounts(0, 0);
        for (WindowAccumulator window : windows) {
            if (window.getWindowStart() >= from.toEpochMilli()) {
                counts = counts.plus(UptimeCounts.of(window.getCount(), window.getOutcomeCounts()));
            }
        }
        return counts;
    }

    private static WindowAccumulator latest(Iterable<List<WindowAccumulator>> series) {
        WindowAccumulator latest = null;
        for (List<WindowAccumulator> windows : series) {
            for (WindowAccumulator window : windows) {
                if (latest == null || window.getLastProbeAt() > latest.getLastProbeAt()) {
                    latest = window;
                }
            }
        }
        return latest;
    }
}
