package dev.llmuptime.alert;

import com.datadoghq.sketch.ddsketch.DDSketch;
import dev.llmuptime.schema.Percentiles;
import dev.llmuptime.schema.Sketches;
import dev.llmuptime.schema.UptimeCounts;
import dev.llmuptime.schema.WindowStats;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * The last window-length of probes: the current window plus the share of the previous window that
 * still lies within one window-length of the newest probe, weighted by that share (the
 * sliding-window counter). A tumbling window is young after every boundary: one failed probe among
 * the first 20 of an hour is 95 % uptime, and an hourly {@code uptime < 0.99} rule would fire on it,
 * then resolve and fire again at every boundary under a steady error rate. Reading the trailing
 * window-length keeps such rules to what the last hour really was. Latency percentiles are read the
 * same way, from the two windows' sketches, the previous one's bins weighted by its share: a slow
 * minute then leaves the view a minute after it ended, not at the next window boundary after that.
 * Streaks, TTFT and tokens per second keep reading the current window (their sketches are not published).
 */
final class TrailingWindow {

    private TrailingWindow() {
    }

    /** {@code current} with count, outcome counts and uptime over the trailing window-length. */
    static WindowStats of(WindowStats current, WindowStats previous) {
        double weight = previousShare(current, previous);
        if (weight == 0) {
            return current;
        }
        Map<String, Long> counts = new HashMap<>(current.getOutcomeCounts());
        previous.getOutcomeCounts().forEach((outcome, count) ->
                counts.merge(outcome, Math.round(weight * count), Long::sum));
        WindowStats trailing = shallowCopy(current);
        trailing.setCount(current.getCount() + Math.round(weight * previous.getCount()));
        trailing.setOutcomeCounts(counts);
        trailing.setUptime(UptimeCounts.of(current).plus(UptimeCounts.of(previous).times(weight)).uptime());
        return trailing;
    }

    /**
     * The same, with the latency percentiles of the trailing window-length too: of exactly its probes
     * when the record carries them ({@link RecentLatencies}), else merged from the two windows' sketches.
     */
    static WindowStats withLatency(WindowStats current, WindowStats previous) {
        if (RecentLatencies.covers(current)) {
            return withLatency(current, of(current, previous), RecentLatencies.ofLastWindow(current));
        }
        double weight = previousShare(current, previous);
        if (weight == 0 || previous.getLatencySketch() == null) {
            return of(current, previous);
        }
        DDSketch merged = sketch(current.getLatencySketch());
        DDSketch older = sketch(previous.getLatencySketch());
        double sum = sum(current.getLatency(), merged.getCount()) + weight * sum(previous.getLatency(), older.getCount());
        Sketches.mergeWeighted(merged, older, weight);
        double max = Math.max(max(current.getLatency()), max(previous.getLatency()));
        return withLatency(current, of(current, previous), Sketches.percentiles(merged, sum, max));
    }

    /** {@code trailing} with {@code latency}, copied first if it is still {@code current} itself. */
    private static WindowStats withLatency(WindowStats current, WindowStats trailing, Percentiles latency) {
        WindowStats copy = trailing == current ? shallowCopy(current) : trailing;
        copy.setLatency(latency);
        return copy;
    }

    /** The share of {@code previous} still within one window-length of the newest probe; 0 without it. */
    private static double previousShare(WindowStats current, WindowStats previous) {
        if (previous == null) {
            return 0;
        }
        double elapsed = current.getLastProbeAt().toEpochMilli() - current.getWindowStart().toEpochMilli();
        return Math.max(0, Math.min(1, 1 - elapsed / current.getWindowSize()));
    }

    private static DDSketch sketch(ByteBuffer encoded) {
        return encoded == null ? Sketches.empty() : Sketches.decode(encoded);
    }

    private static double sum(Percentiles latency, double samples) {
        return latency == null ? 0 : latency.getMean() * samples;
    }

    private static double max(Percentiles latency) {
        return latency == null ? 0 : latency.getMax();
    }

    /** Field by field: the builder's deep copy would also copy the sketch bytes, once per rule. */
    private static WindowStats shallowCopy(WindowStats stats) {
        WindowStats copy = new WindowStats();
        for (int field = 0; field < stats.getSchema().getFields().size(); field++) {
            copy.put(field, stats.get(field));
        }
        return copy;
    }
}
