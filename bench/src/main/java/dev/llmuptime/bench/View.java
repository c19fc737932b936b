package dev.llmuptime.bench;

import java.util.List;
import java.util.Set;

/**
 * The alerts of one stack that a row of the peers table counts. {@code ours-default} also gets a
 * row with only its outage rules ({@code down}, {@code slow}): its {@code availability} rule
 * (uptime under 99 % over the hour) can fire on a single failed probe while the hour is young, and
 * that is not the rule meant to catch an outage.
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
