package dev.llmuptime.bench;

import java.util.List;
import java.util.Set;

/**
 * The alerts of one stack that a row of the peers table counts. {@code ours-default} also gets a
 * row with only the rules meant for the trials' faults ({@code down}, {@code slow}): its burn-rate
 * rules ({@code availability}, {@code availability-slow}) may fire or resolve during a trial on the
 * failures earlier trials left in their hour, and their RESOLVED would then be taken for the trial's.
 */
record View(String name, String stack, Set<String> rules) {

    static final List<View> ALL = List.of(
            new View("ours-default", "ours-default", Set.of()),
            new View("ours-default (down, slow)", "ours-default", Set.of("down", "slow")),
            new View("ours-fast", "ours-fast", Set.of()),
            new View("prom-default", "prom-default", Set.of()),
            new View("prom-aggressive", "prom-aggressive", Set.of()));

    /** Whether this row counts the alert; an empty rule set counts every rule. */
    boolean counts(Receiver.Arrival arrival) {
        return arrival.stack().equals(stack) && (rules.isEmpty() || rules.contains(arrival.rule()));
    }
}
