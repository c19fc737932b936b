package dev.llmuptime.alert;

import java.util.List;

/**
 * One comparison of a rule's condition, judged on a stats update: {@code METRIC OP NUMBER}
 * ({@link Condition}), {@code METRIC OP FACTOR x baseline} ({@link BaselineCondition}),
 * {@code burn-rate(LONG, SHORT) OP NUMBER} ({@link BurnRateCondition}), or several joined by
 * {@code and} ({@link AllOf}).
 */
sealed interface Clause permits Condition, BaselineCondition, BurnRateCondition, AllOf {

    /** The name an alert event gives the metric measured. */
    String metricName();

    /** The measured value, or null when there is none (then the clause does not hold). */
    Double value(StatsUpdate update);

    /** The bound the value is compared with, or null when it is not known yet (no baseline). */
    Double threshold(StatsUpdate update);

    boolean holds(StatsUpdate update);

    /** Whether what the clause reads holds enough probes to judge, {@code minSamples} being the rule's. */
    boolean enoughSamples(StatsUpdate update, int minSamples);

    /** The past windows the clause reads, so the engine keeps (and after a restart rebuilds) them. */
    default List<HistoryNeed> historyNeeds() {
        return List.of();
    }
}
