package dev.llmuptime.bench;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The intermittent-errors phase: {@code model} fails a share of its requests at random from
 * {@code start} to {@code end} (epoch ms), then answers again. Aims: at most one FIRING per rule,
 * a first alert within 3 minutes, and an alert that stays firing until the errors end.
 */
record IntermittentErrors(String model, long start, long end) {

    static final int AIM_FIRINGS_PER_RULE = 1;
    static final long AIM_FIRST_ALERT_MS = 180_000;

    /** FIRINGs of each rule of {@code stack} on the model during the errors. */
    Map<String, Long> firingsPerRule(List<Receiver.Arrival> arrivals, String stack) {
        return arrivals.stream().filter(a -> ofStack(a, stack) && a.firing() && a.at() >= start && a.at() < end)
                .collect(Collectors.groupingBy(Receiver.Arrival::rule, TreeMap::new, Collectors.counting()));
    }

    /** FIRINGs of {@code stack} on the model after the errors ended, while it settled. */
    long firingsAfter(List<Receiver.Arrival> arrivals, String stack) {
        return arrivals.stream().filter(a -> ofStack(a, stack) && a.firing() && a.at() >= end).count();
    }

    /** The first FIRING of any rule of {@code stack} on the model minus the start; null when none came. */
    Long firstAlert(List<Receiver.Arrival> arrivals, String stack) {
        return arrivals.stream().filter(a -> ofStack(a, stack) && a.firing() && a.at() >= start && a.at() < end)
                .map(a -> a.at() - start).min(Long::compare).orElse(null);
    }

    /** The rules of {@code stack} whose first FIRING in the errors had no RESOLVED before they ended. */
    List<String> heldToEnd(List<Receiver.Arrival> arrivals, String stack) {
        return firingsPerRule(arrivals, stack).keySet().stream().filter(rule -> {
            long firstFiring = arrivals.stream().filter(a -> ofStack(a, stack) && a.rule().equals(rule) && a.firing()
                    && a.at() >= start).mapToLong(Receiver.Arrival::at).min().orElseThrow();
            return arrivals.stream().noneMatch(a -> ofStack(a, stack) && a.rule().equals(rule) && !a.firing()
                    && a.at() >= firstFiring && a.at() < end);
        }).toList();
    }

    /** Whether every rule that fired on the model since the start, in any stack, has resolved since. */
    boolean settled(List<Receiver.Arrival> arrivals) {
        Map<String, Boolean> firingByAlert = new TreeMap<>();
        arrivals.stream().filter(a -> a.model().equals(model) && a.at() >= start)
                .forEach(a -> firingByAlert.put(a.stack() + " " + a.rule(), a.firing()));
        return !firingByAlert.containsValue(true);
    }

    String describe(List<Receiver.Arrival> arrivals) {
        StringBuilder text = new StringBuilder(String.format("intermittent errors on %s for %d s: FIRINGs per rule "
                + "during the errors (aim <= %d each), first alert (aim <= %d s), rules firing until the errors "
                + "ended (aim: at least one), FIRINGs after they ended%n", model, (end - start) / 1000,
                AIM_FIRINGS_PER_RULE, AIM_FIRST_ALERT_MS / 1000));
        for (String stack : PeersBench.STACKS) {
            text.append(String.format("  %s: %s, first alert %s, held to the end %s, after %d%n", stack,
                    firingsPerRule(arrivals, stack), Report.seconds(firstAlert(arrivals, stack)),
                    heldToEnd(arrivals, stack), firingsAfter(arrivals, stack)));
        }
        return text.toString().stripTrailing();
    }

    private boolean ofStack(Receiver.Arrival arrival, String stack) {
        return arrival.stack().equals(stack) && arrival.model().equals(model);
    }
}
