package dev.llmuptime.alert;

import com.datadoghq.sketch.ddsketch.DDSketch;
import dev.llmuptime.schema.Percentiles;
import dev.llmuptime.schema.ProbeLatency;
import dev.llmuptime.schema.Sketches;
import dev.llmuptime.schema.WindowStats;
import java.util.List;

/**
 * The latency of exactly the last window-length of up probes, (newest probe - window size, newest
 * probe], from the latencies of the latest up probes that each stats record carries. The sketches of
 * two windows can only say how much of the previous window to count, as if its probes were spread
 * evenly; a slowdown that ended at its close then stays in the view for most of the next window.
 * Reading the probes themselves lets a {@code slow} alert resolve a window-length after the last slow
 * answer. Records of older releases, and windows holding more probes than a record carries, are not
 * {@link #covers covered}: those are read from the sketches.
 */
final class RecentLatencies {

    private RecentLatencies() {
    }

    /** Whether the latencies carried reach back a whole window-length before the newest probe. */
    static boolean covers(WindowStats stats) {
        List<ProbeLatency> recent = stats.getRecentLatencies();
        return recent != null && !recent.isEmpty()
                && recent.get(0).getStartedAt().toEpochMilli() <= windowOpen(stats);
    }

    /** The percentiles of the up probes of the last window-length; null when none answered in it. */
    static Percentiles ofLastWindow(WindowStats stats) {
        long open = windowOpen(stats);
        DDSketch sketch = Sketches.empty();
        double sum = 0;
        double max = 0;
        for (ProbeLatency probe : stats.getRecentLatencies()) {
            if (probe.getStartedAt().toEpochMilli() > open) {
                sketch.accept(probe.getLatencyMs());
                sum += probe.getLatencyMs();
                max = Math.max(max, probe.getLatencyMs());
            }
        }
        return sketch.isEmpty() ? null : Sketches.percentiles(sketch, sum, max);
    }

    /** The exclusive start of the last window-length: a minute of 5 s probes is 12 of them, not 13. */
    private static long windowOpen(WindowStats stats) {
        return stats.getLastProbeAt().toEpochMilli() - stats.getWindowSize();
    }
}
