package dev.llmuptime.probe;

import dev.llmuptime.config.TargetConfig;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The targets as they are probed under {@code probes.token-budget}: when a month with a day-long
 * outage of every target would use more tokens than the budget, every target that spends tokens
 * has its interval stretched by one factor, in hundredths, and one warning says so. No target is
 * ever dropped, and one that costs nothing (a models check) keeps its interval. The failing
 * interval keeps its share of the interval, so it stretches with it; {@code confirm-after} stays, since a
 * confirmation costs the same whenever it runs and delaying it would only delay the down alert.
 */
record BudgetStretch(long hundredths, List<TargetConfig> targets) {

    private static final long UNSTRETCHED = 100;

    /** {@code targets} fitted into {@code budget} (null: unlimited); a stretch is told to {@code warnings}. */
    static BudgetStretch fit(List<TargetConfig> targets, Long budget, Consumer<String> warnings) {
        long projected = TokenBudget.tokensPerMonthWithOutage(targets);
        if (budget == null || projected <= budget) {
            return new BudgetStretch(UNSTRETCHED, List.copyOf(targets));
        }
        long hundredths = ceilDiv(Math.multiplyExact(projected, UNSTRETCHED), budget);
        List<TargetConfig> stretched = stretch(targets, hundredths);
        long use = TokenBudget.tokensPerMonthWithOutage(stretched);
        while (use > budget) {
            // Rounding to whole milliseconds may leave the use just over: step on by the shortfall.
            hundredths = Math.max(hundredths + 1, ceilDiv(Math.multiplyExact(hundredths, use), budget));
            stretched = stretch(targets, hundredths);
            use = TokenBudget.tokensPerMonthWithOutage(stretched);
        }
        BudgetStretch fitted = new BudgetStretch(hundredths, stretched);
        warnings.accept(String.format(Locale.ROOT, "probes.token-budget is %s tokens per 30 days, but the probes "
                + "would use about %s in a month with a day-long outage of every target: the interval of every "
                + "target that spends tokens is stretched %sx (about %s then)", TokenBudget.count(budget),
                TokenBudget.count(projected), fitted.factorText(), TokenBudget.count(use)));
        return fitted;
    }

    double factor() {
        return hundredths / (double) UNSTRETCHED;
    }

    String factorText() {
        return String.format(Locale.ROOT, "%d.%02d", hundredths / UNSTRETCHED, hundredths % UNSTRETCHED);
    }

    private static List<TargetConfig> stretch(List<TargetConfig> targets, long hundredths) {
        return targets.stream()
                .map(target -> TokenBudget.tokensPerProbe(target) == 0 ? target : target.withInterval(
                        Duration.ofMillis(ceilDiv(Math.multiplyExact(target.interval().toMillis(), hundredths),
                                UNSTRETCHED))))
                .toList();
    }

    private static long ceilDiv(long dividend, long divisor) {
        return -Math.floorDiv(-dividend, divisor);
    }
}
