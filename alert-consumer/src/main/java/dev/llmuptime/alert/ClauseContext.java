package dev.llmuptime.alert;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
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

    /**
     * Where a baseline is read from, in order: the {@link #baselineBlock()} windows over the whole
     * period, then each smaller aggregation window, largest first, for a target too young to have
     * three of the larger ones. A smaller size is only read while the next larger one has fewer than
     * three windows, so it reads back at most four of them (three closed, one open), never the period.
     */
    List<BaselineSource> baselineSources() {
        Duration block = baselineBlock();
        List<BaselineSource> sources = new ArrayList<>();
        sources.add(new BaselineSource(block, baseline, BaselineCondition.BLOCK_SAMPLES));
        Duration larger = block;
        for (Duration size : aggregationWindows.stream().filter(size -> size.compareTo(block) < 0)
                .sorted(Comparator.reverseOrder()).toList()) {
            Duration span = larger.multipliedBy(BaselineCondition.MIN_WINDOWS + 1);
            sources.add(new BaselineSource(size, span.compareTo(baseline) < 0 ? span : baseline,
                    BaselineCondition.SMALL_WINDOW_SAMPLES));
            larger = size;
        }
        return List.copyOf(sources);
    }
}
