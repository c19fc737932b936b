package dev.llmuptime.alert;

import dev.llmuptime.schema.WindowStats;

/** {@code METRIC OP NUMBER}: whether a window's stats meet it, and the value it read. */
record Condition(Metric metric, Operator operator, double threshold, String text) implements Clause {

    /** The metric's value, or null when the window has none (then the condition is not met). */
    Double value(WindowStats stats) {
        return metric.valueOf(stats);
    }

    boolean holds(WindowStats stats) {
        Double value = value(stats);
        return value != null && operator.test(value, threshold);
    }

    @Override
    public String metricName() {
        return metric.name();
    }

    @Override
    public Double value(StatsUpdate update) {
        return value(update.readBy(metric));
    }

    @Override
    public Double threshold(StatsUpdate update) {
        return threshold;
    }

    @Override
    public boolean holds(StatsUpdate update) {
        return holds(update.readBy(metric));
    }

    @Override
    public boolean enoughSamples(StatsUpdate update, int minSamples) {
        return update.samplesReadBy(metric) >= minSamples;
    }

    @Override
    public String toString() {
        return text;
    }
}
