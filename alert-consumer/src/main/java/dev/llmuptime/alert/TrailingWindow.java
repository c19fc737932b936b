package dev.llmuptime.alert;

import dev.llmuptime.schema.UptimeCounts;
import dev.llmuptime.schema.WindowStats;
import java.util.HashMap;
import java.util.Map;

/**
 * The counts of the last window-length of probes: the current window plus the share of the
 * previous window that still lies within one window-length of the newest probe, weighted by that
 * share (the sliding-window counter). A tumbling window is young after every boundary: one failed
 * probe among the first 20 of an hour is 95 % uptime, and an hourly {@code uptime < 0.99} rule
 * would fire on it, then resolve and fire again at every boundary under a steady error rate.
 * Reading the trailing window-length keeps such rules to what the last hour really was. Only
 * counts can be weighted like this; percentiles and streaks keep reading the current window.
 */
final class TrailingWindow {

    private TrailingWindow() {
    }

    /** {@code current} with count, outcome counts and uptime over the trailing window-length. */
    static WindowStats of(WindowStats current, WindowStats previous) {
        if (previous == null) {
            return current;
        }
        double elapsed = current.getLastProbeAt().toEpochMilli() - current.getWindowStart().toEpochMilli();
        double weight = Math.max(0, Math.min(1, 1 - elapsed / current.getWindowSize()));
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

    /** Field by field: the builder's deep copy would also copy the sketch bytes, once per rule. */
    private static WindowStats shallowCopy(WindowStats stats) {
        WindowStats copy = new WindowStats();
        for (int field = 0; field < stats.getSchema().getFields().size(); field++) {
            copy.put(field, stats.get(field));
        }
        return copy;
    }
}
