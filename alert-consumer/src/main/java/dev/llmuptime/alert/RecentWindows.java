package dev.llmuptime.alert;

import dev.llmuptime.schema.WindowStats;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The latest stats of the newest window and of the window before it, per target, region (or
 * {@code *}, all regions) and window size. The newest window is the present: a late update of an
 * older one must not reopen an alert. The window before it lets count-based rules read a full window-length of probes while
 * the newest window is still young. After a restart it is refilled from the stats read back
 * ({@link StatsReplay}); a fresh target's newest window is read alone.
 */
final class RecentWindows {

    private record Series(String targetId, String region, long windowSize) {

        static Series of(WindowStats stats) {
            return new Series(stats.getTargetId(), stats.getRegion(), stats.getWindowSize());
        }
    }

    private record Latest(WindowStats newest, WindowStats previous) {
    }

    private final Map<Series, Latest> byTarget = new HashMap<>();

    /** Keeps a stats update; returns whether it belongs to the newest window. */
    boolean offer(WindowStats stats) {
        Series key = Series.of(stats);
        Latest latest = byTarget.get(key);
        long start = stats.getWindowStart().toEpochMilli();
        if (latest == null || start > start(latest.newest())) {
            byTarget.put(key, new Latest(stats, latest == null ? null : latest.newest()));
            return true;
        }
        if (start == start(latest.newest())) {
            byTarget.put(key, new Latest(stats, latest.previous()));
            return true;
        }
        if (latest.previous() == null || start >= start(latest.previous())) {
            byTarget.put(key, new Latest(latest.newest(), stats));
        }
        return false;
    }

    /** The stats of the window right before {@code current}, if they were seen. */
    WindowStats before(WindowStats current) {
        Latest latest = byTarget.get(Series.of(current));
        if (latest == null || latest.previous() == null) {
            return null;
        }
        WindowStats previous = latest.previous();
        return start(previous) + previous.getWindowSize() == start(current) ? previous : null;
    }

    /** Forgets the windows of the targets {@code gone} accepts. */
    void forget(Predicate<String> gone) {
        byTarget.keySet().removeIf(series -> gone.test(series.targetId()));
    }

    private static long start(WindowStats stats) {
        return stats.getWindowStart().toEpochMilli();
    }
}
