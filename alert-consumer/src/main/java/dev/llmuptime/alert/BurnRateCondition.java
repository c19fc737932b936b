package dev.llmuptime.alert;

import dev.llmuptime.config.Durations;
import dev.llmuptime.schema.UptimeCounts;
import java.time.Duration;
import java.util.List;

/**
 * {@code burn-rate(LONG, SHORT) OP NUMBER}: how many times faster than the objective allows the
 * error budget burns, over the trailing LONG and SHORT spans, each summed from the rule's windows.
 * The value is the smaller of the two rates, so {@code > N} holds only when both spans burn faster
 * than N (the multiwindow alert of the SRE workbook: the long span proves it matters, the short one
 * that it is still going on). Probes are few, so the long span needs {@code min-samples} probes and
 * at least enough that one failed probe cannot exceed the rate alone; the short span needs as many
 * per minute as that.
 *
 * @param window the rule's window, whose windows the spans are summed from
 */
record BurnRateCondition(Duration longWindow, Duration shortWindow, Operator operator, double threshold,
        double objective, Duration window, String text) implements Clause {

    @Override
    public String metricName() {
        return "burn-rate(" + Durations.format(longWindow) + ", " + Durations.format(shortWindow) + ")";
    }

    @Override
    public Double value(StatsUpdate update) {
        Double longRate = burnRate(update.trailingCounts(window, longWindow));
        Double shortRate = burnRate(update.trailingCounts(window, shortWindow));
        return longRate == null || shortRate == null ? null : Math.min(longRate, shortRate);
    }

    @Override
    public Double threshold(StatsUpdate update) {
        return threshold;
    }

    @Override
    public boolean holds(StatsUpdate update) {
        Double value = value(update);
        return value != null && operator.test(value, threshold);
    }

    @Override
    public boolean enoughSamples(StatsUpdate update, int minSamples) {
        long longMinimum = Math.max(minSamples, oneFailureMinimum());
        long shortMinimum = (long) Math.ceil((double) longMinimum * shortWindow.toMillis() / longWindow.toMillis());
        return update.trailingCounts(window, longWindow).countable() >= longMinimum
                && update.trailingCounts(window, shortWindow).countable() >= shortMinimum;
    }

    @Override
    public List<HistoryNeed> historyNeeds() {
        return List.of(new HistoryNeed(window.toMillis(), longWindow.toMillis()));
    }

    /** Probes needed so that one failure among them is not above the rate: 14 at 14.4x on 99.5 %. */
    long oneFailureMinimum() {
        if (operator == Operator.LESS || operator == Operator.LESS_OR_EQUAL || threshold <= 0) {
            return 0;
        }
        return (long) Math.floor(1 / (threshold * (1 - objective))) + 1;
    }

    private Double burnRate(UptimeCounts counts) {
        Double uptime = counts.uptime();
        return uptime == null ? null : (1 - uptime) / (1 - objective);
    }

    @Override
    public String toString() {
        return text;
    }
}
