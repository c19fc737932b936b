package dev.llmuptime.alert;

import java.util.List;

/** Clauses joined by {@code and}: all must hold. The first one names the metric and gives the value reported. */
record AllOf(List<Clause> clauses, String text) implements Clause {

    AllOf {
        clauses = List.copyOf(clauses);
    }

    @Override
    public String metricName() {
        return clauses.get(0).metricName();
    }

    @Override
    public Double value(StatsUpdate update) {
        return clauses.get(0).value(update);
    }

    @Override
    public Double threshold(StatsUpdate update) {
        return clauses.get(0).threshold(update);
    }

    @Override
    public boolean holds(StatsUpdate update) {
        return clauses.stream().allMatch(clause -> clause.holds(update));
    }

    @Override
    public boolean enoughSamples(StatsUpdate update, int minSamples) {
        return clauses.stream().allMatch(clause -> clause.enoughSamples(update, minSamples));
    }

    @Override
    public List<HistoryNeed> historyNeeds() {
        return clauses.stream().flatMap(clause -> clause.historyNeeds().stream()).toList();
    }

    @Override
    public String toString() {
        return text;
    }
}
