package dev.llmuptime.alert;

import java.time.Duration;
import java.util.List;

/**
 * What a condition's clauses take from their rule and the aggregation: the rule's window, its
 * objective and baseline period, and the window sizes the aggregator emits.
 */
record ClauseContext(Duration window, double objective, Duration baseline, List<Duration> aggregationWindows) {

    /**
     * The windows a baseline is made of: the largest aggregation window at most a third of the
     * baseline period, so the median of their percentiles ignores one bad window; null when none is.
     */
    Duration baselineBlock() {
        return aggregationWindows.stream().filter(size -> size.multipliedBy(3).compareTo(baseline) <= 0)
                .max(Duration::compareTo).orElse(null);
    }
}
