package dev.llmuptime.bench;

import java.util.List;

/**
 * The two-region case: from {@code start} to {@code end} (epoch ms) a second prober, of
 * {@code region}, probes every target, and its requests for {@code model} fail while the first
 * region's succeed. Aims: no {@code critical} alert on the model, and a {@code <rule>-region}
 * warning naming the failing region. Alerts count from the start on, including those after the end.
 */
record RegionOutage(String model, String region, long start, long end) {

    /** This project's stacks: the Prometheus stacks probe from one place only. */
    static final List<String> STACKS = List.of("ours-default", "ours-fast");

    /** The critical FIRINGs of {@code stack} on the model since the second region started, as rule names. */
    List<String> criticalAlerts(List<Receiver.Arrival> arrivals, String stack) {
        return arrivals.stream().filter(a -> ofStack(a, stack) && a.firing() && a.severity().equals("critical"))
                .map(Receiver.Arrival::rule).toList();
    }

    /** The {@code -region} FIRINGs of {@code stack} on the model whose summary names the failing region. */
    List<String> regionWarnings(List<Receiver.Arrival> arrivals, String stack) {
        return arrivals.stream().filter(a -> namesRegion(a, stack)).map(Receiver.Arrival::rule).toList();
    }

    /** The other FIRINGs of {@code stack} on the model, e.g. a warning read from the all-regions stats. */
    List<String> otherAlerts(List<Receiver.Arrival> arrivals, String stack) {
        return arrivals.stream().filter(a -> ofStack(a, stack) && a.firing() && !a.severity().equals("critical")
                && !namesRegion(a, stack)).map(Receiver.Arrival::rule).toList();
    }

    /** The first region warning's arrival minus the start; null when none came. */
    Long firstWarning(List<Receiver.Arrival> arrivals, String stack) {
        return arrivals.stream().filter(a -> namesRegion(a, stack)).map(a -> a.at() - start).min(Long::compare)
                .orElse(null);
    }

    /** Whether every region warning on the model has resolved; one resolves once the region stops reporting. */
    boolean settled(List<Receiver.Arrival> arrivals) {
        for (String stack : STACKS) {
            long fired = arrivals.stream().filter(a -> ofStack(a, stack) && a.firing() && a.rule().endsWith("-region"))
                    .count();
            long resolved = arrivals.stream().filter(a -> ofStack(a, stack) && !a.firing()
                    && a.rule().endsWith("-region")).count();
            if (resolved < fired) {
                return false;
            }
        }
        return true;
    }

    String describe(List<Receiver.Arrival> arrivals) {
        StringBuilder text = new StringBuilder(String.format("two regions for %d s: region %s failing on %s alone; "
                + "critical alerts on it (aim: none), warnings naming region %s (aim: at least one)%n",
                (end - start) / 1000, region, model, region));
        for (String stack : STACKS) {
            text.append(String.format("  %s: critical %s, region warnings %s, first after %s, other alerts %s%n",
                    stack, criticalAlerts(arrivals, stack), regionWarnings(arrivals, stack),
                    Report.seconds(firstWarning(arrivals, stack)), otherAlerts(arrivals, stack)));
        }
        return text.append("  prom-default, prom-aggressive: not measured. Their blackbox_exporter probes from one "
                + "place; the equivalent needs one blackbox_exporter per region, scraped with a region label, a page "
                + "on a majority such as count by (model) (probe_success == 0) > count by (model) (probe_success) / 2, "
                + "and a warning on probe_success == 0 per region.").toString();
    }

    private boolean namesRegion(Receiver.Arrival arrival, String stack) {
        return ofStack(arrival, stack) && arrival.firing() && arrival.rule().endsWith("-region")
                && arrival.summary().contains("in region " + region);
    }

    private boolean ofStack(Receiver.Arrival arrival, String stack) {
        return arrival.stack().equals(stack) && arrival.model().equals(model) && arrival.at() >= start;
    }
}
