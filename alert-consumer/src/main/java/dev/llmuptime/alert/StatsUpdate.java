package dev.llmuptime.alert;

import dev.llmuptime.schema.UptimeCounts;
import dev.llmuptime.schema.WindowStats;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * A stats update of the newest window, of all regions or of one, as the rules read it:
 * {@code previous} is the window right before it, if seen, from which conditions on counts and
 * latency read the trailing window-length; {@code history} holds the target's older windows, for
 * burn rates and baselines. What several rules read is worked out once per update.
 */
final class StatsUpdate {

    private final WindowStats current;
    private final WindowStats previous;
    private final WindowHistory history;
    private WindowStats trailingCounts;
    private WindowStats trailingLatency;
    private final Map<Duration, UptimeCounts> spans = new HashMap<>();

    StatsUpdate(WindowStats current, WindowStats previous, WindowHistory history) {
        this.current = current;
        this.previous = previous;
        this.history = history;
    }

    WindowStats current() {
        return current;
    }

    WindowStats previous() {
        return previous;
    }

    /** What {@code metric} reads: the trailing window-length for counts and latency, else the window. */
    WindowStats readBy(Metric metric) {
        if (metric.countBased()) {
            return trailingCounts();
        }
        if (metric.readsLatencySketch()) {
            if (trailingLatency == null) {
                trailingLatency = TrailingWindow.withLatency(current, previous);
            }
            return trailingLatency;
        }
        return current;
    }

    /**
     * How many probes {@code metric}'s value rests on. A streak runs across window boundaries, so it
     * rests on the trailing window-length, as counts do: a confirmation that opens a window is not
     * counted in it, and the window alone would then hold no probe while the streak holds several.
     */
    long samplesReadBy(Metric metric) {
        return (metric.readsStreak() ? trailingCounts() : readBy(metric)).getCount();
    }

    private WindowStats trailingCounts() {
        if (trailingCounts == null) {
            trailingCounts = TrailingWindow.of(current, previous);
        }
        return trailingCounts;
    }

    /**
     * The counts of the probes of the trailing {@code span} up to the newest probe, summed from the
     * target's windows of size {@code window}: the oldest one weighted by its share within the span.
     */
    UptimeCounts trailingCounts(Duration window, Duration span) {
        return spans.computeIfAbsent(span, key -> {
            long size = window.toMillis();
            long from = current.getLastProbeAt().toEpochMilli() - span.toMillis();
            UptimeCounts sum = new UptimeCounts(0, 0);
            for (PastWindow past : history.of(current.getTargetId(), current.getRegion(), size)
                    .tailMap(from - size, false).values()) {
                double share = Math.min(1, (double) (past.start() + size - from) / size);
                sum = sum.plus(past.counts().times(share));
            }
            return sum;
        });
    }

    /**
     * The target's windows of {@code size} that ended in the {@code span} before the trailing
     * {@code window} read now began: what a slowdown in that view is judged against, never itself.
     */
    Collection<PastWindow> closedBefore(Duration window, Duration size, Duration span) {
        long millis = size.toMillis();
        long viewStart = current.getLastProbeAt().toEpochMilli() - window.toMillis();
        return history.of(current.getTargetId(), current.getRegion(), millis)
                .subMap(viewStart - span.toMillis() - millis, false, viewStart - millis, true).values();
    }
}
