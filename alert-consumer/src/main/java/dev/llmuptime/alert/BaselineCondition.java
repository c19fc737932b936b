package dev.llmuptime.alert;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code METRIC OP FACTOR x baseline}: the metric, read over the rule's trailing window, against
 * FACTOR times the target's own baseline. The baseline is the median of the metric over the closed
 * windows that ended in the period before that view (e.g. the p95 of each of the last six hours, as
 * the aggregator merged it from its sketches): a median, so a slowdown lasting less than half of
 * what was seen does not become the baseline it is judged against. The windows are read from the
 * first of the {@code sources} that has enough of them: the period's blocks, else (a young target)
 * the smaller aggregation windows. Without any there is no baseline yet, and the clause does not hold.
 */
record BaselineCondition(Metric metric, Operator operator, double factor, Duration window,
        List<BaselineSource> sources, String text) implements Clause {

    /** Answered probes a block needs for its percentiles to count. */
    static final int BLOCK_SAMPLES = 20;
    /** Answered probes a smaller window needs: fewer, so 1-minute windows of 5 s probes (12) count. */
    static final int SMALL_WINDOW_SAMPLES = 10;
    /** Windows a median needs, so one odd window never is the baseline alone. */
    static final int MIN_WINDOWS = 3;
    /** Answered probes the counted windows need together: as many as three blocks hold at least. */
    static final int MIN_ANSWERS = MIN_WINDOWS * BLOCK_SAMPLES;

    /** The size of the windows a settled target's baseline is made of. */
    Duration block() {
        return sources.get(0).size();
    }

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
        Double baseline = baseline(update);
        return baseline == null ? null : factor * baseline;
    }

    /** The median over the first source with enough counted windows and answers; null when none has. */
    Double baseline(StatsUpdate update) {
        for (BaselineSource source : sources) {
            List<Double> values = new ArrayList<>();
            long answers = 0;
            for (PastWindow past : update.closedBefore(window, source.size(), source.span())) {
                Double value = metric.valueOf(past.asStats());
                if (past.counts().up() >= source.answers() && value != null) {
                    values.add(value);
                    answers += Math.round(past.counts().up());
                }
            }
            if (values.size() >= MIN_WINDOWS && answers >= MIN_ANSWERS) {
                return median(values);
            }
        }
        return null;
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
        // The newest window read may begin up to a window of its size before the trailing window's end.
        return sources.stream().map(source -> new HistoryNeed(source.size().toMillis(),
                source.span().plus(window).toMillis())).toList();
    }

    @Override
    public String toString() {
        return text;
    }

    private static double median(List<Double> values) {
        values.sort(Double::compare);
        int middle = values.size() / 2;
        return values.size() % 2 == 1 ? values.get(middle) : (values.get(middle - 1) + values.get(middle)) / 2;
    }
}
