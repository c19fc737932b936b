package dev.llmuptime.alert;

import dev.llmuptime.schema.WindowStats;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The recent windows of each target and region (or {@code *}), per window size the rules read, each as of its
 * latest stats (open windows too): as far back as the rules look (a burn rate's long span, a
 * baseline's period), and no further. Rebuilt from the stats topic when a partition is assigned.
 */
final class WindowHistory {

    private record Series(String targetId, String region, long windowSize) {
    }

    private final Map<Long, Long> lookbackBySize = new HashMap<>();
    private final Map<Series, TreeMap<Long, PastWindow>> windows = new HashMap<>();

    WindowHistory(Collection<HistoryNeed> needs) {
        needs.forEach(need -> lookbackBySize.merge(need.windowSize(), need.lookback(), Math::max));
    }

    /** How far back the oldest window kept may begin, in ms: what a restore reads from. */
    long lookback() {
        return lookbackBySize.entrySet().stream().mapToLong(entry -> entry.getKey() + entry.getValue()).max()
                .orElse(0);
    }

    /** Keeps a stats record of a size some rule reads; forgets what fell out of reach. */
    void offer(WindowStats stats) {
        Long lookback = lookbackBySize.get(stats.getWindowSize());
        if (lookback == null) {
            return;
        }
        TreeMap<Long, PastWindow> series = windows.computeIfAbsent(new Series(stats.getTargetId(),
                stats.getRegion(), stats.getWindowSize()), key -> new TreeMap<>());
        long start = stats.getWindowStart().toEpochMilli();
        long horizon = (series.isEmpty() ? start : Math.max(start, series.lastKey())) - lookback - stats.getWindowSize();
        if (start >= horizon) {
            series.put(start, PastWindow.of(stats));
        }
        series.headMap(horizon).clear();
    }

    /** The windows of this size kept for the target in {@code region} ({@code *}: all regions), by start. */
    NavigableMap<Long, PastWindow> of(String targetId, String region, long windowSize) {
        TreeMap<Long, PastWindow> series = windows.get(new Series(targetId, region, windowSize));
        return series == null ? Collections.emptyNavigableMap() : Collections.unmodifiableNavigableMap(series);
    }

    /** Forgets the windows of the targets {@code gone} accepts. */
    void forget(Predicate<String> gone) {
        windows.keySet().removeIf(series -> gone.test(series.targetId()));
    }
}
