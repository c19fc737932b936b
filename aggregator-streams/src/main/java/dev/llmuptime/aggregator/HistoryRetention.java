package dev.llmuptime.aggregator;

import dev.llmuptime.config.Durations;
import java.time.Duration;

/**
 * Closed windows stay queryable in one window store per size, for 1,440 windows of that size,
 * but at least a day and at most 35 days: a day of 1-minute windows, five days of 5-minute
 * ones, 35 days of hourly ones (so uptime over 7 days can be computed from them).
 */
final class HistoryRetention {

    private static final Duration MIN = Duration.ofDays(1);
    private static final Duration MAX = Duration.ofDays(35);

    private HistoryRetention() {
    }

    static Duration of(Duration windowSize) {
        Duration kept = windowSize.multipliedBy(1440);
        return kept.compareTo(MIN) < 0 ? MIN : kept.compareTo(MAX) > 0 ? MAX : kept;
    }

    static String storeName(Duration windowSize) {
        return "window-history-" + Durations.format(windowSize);
    }
}
