package dev.llmuptime.alert;

import java.time.Duration;
import java.util.List;

/**
 * {@code METRIC OP FACTOR x baseline}: the metric, read over the rule's trailing window, against
 * FACTOR times the target's own baseline. The baseline is the median of the metric over the closed
 * {@code block} windows of the trailing {@code period} before that view (e.g. the p95 of each of the
 * last six hours, as the aggregator merged it from its sketches): a median, so a slowdown lasting
 * less than half the period does not become the baseline it is judged against. A block counts with
 * at least {@link #BLOCK_SAMPLES} answered probes; without one there is no baseline yet, and the
 * clause does not hold.
 */
record BaselineCondition(Metric metric, Operator operator, double factor, Duration window, Duration period,
        Duration block, String text) implements Clause {

    /** Answered probes a block needs for its percentiles to count. */
    static final int BLOCK_SAMPLES = 20;

    @Override
    public String metricName() {
        return metric.name();
    }

    @Override
    public Double value(StatsUpdate update) {
        return metric.valueOf(update.readBy(metric));
    }

    @Override
    public Double threshold(StatsUpdate update) {
        Double baseline = update.baseline(metric, window, period, block, BLOCK_SAMPLES);
        return baseline == null ? null : factor * baseline;
    }

    @Override
    public boolean holds(StatsUpdate update) {
        Double value = value(update);
        Double threshold = threshold(update);
        return value != null && threshold != null && operator.test(value, threshold);
    }

    @Override
    public boolean enoughSamples(StatsUpdate update, int minSamples) {
        return update.readBy(metric).getCount() >= minSamples;
    }

    @Override
    public List<HistoryNeed> historyNeeds() {
        // The newest block may begin up to a block before the trailing window's end.
        return List.of(new HistoryNeed(block.toMillis(), period.plus(window).toMillis()));
    }

    @Override
    public String toString() {
        return text;
    }
}
