package dev.llmuptime.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** The peers table: medians, minima and maxima per row and fault, the rules that fired, false alarms. */
final class Report {

    private Report() {
    }

    static String table(List<Trial> trials, List<Receiver.Arrival> arrivals) {
        StringBuilder table = new StringBuilder("\n| stack | fault | detection median (min-max) | resolve median "
                + "(min-max) | detected | rules that fired |\n|---|---|---|---|---|---|\n");
        for (View view : View.ALL) {
            for (String model : PeersBench.FAULTY_MODELS) {
                List<Long> detections = detections(trials, arrivals, view, model);
                List<Long> resolves = resolves(trials, arrivals, view, model);
                table.append("| ").append(view.name()).append(" | ").append(model).append(" | ")
                        .append(summary(detections)).append(" | ").append(summary(resolves)).append(" | ")
                        .append(detections.size()).append('/').append(trials.size()).append(" | ")
                        .append(firedRules(arrivals, view, model)).append(" |\n");
            }
        }
        return table.toString();
    }

    /**
     * The figures of {@code ours-default} next to the aims: the outage and slowdown trials read with the
     * rules meant for them ({@code down}, {@code slow}), the other phases with every rule.
     */
    static String aims(List<Trial> trials, List<Receiver.Arrival> arrivals, long healthyFrom, long healthyTo,
            IntermittentErrors errors, RegionOutage regions) {
        View outage = View.ALL.get(1);
        String stack = outage.stack();
        List<Long> slowDetections = detections(trials, arrivals, outage, "m-slow");
        StringBuilder table = new StringBuilder("\n| " + stack + " | aim | measured |\n|---|---|---|\n");
        for (String model : List.of("m-500", "m-429")) {
            row(table, model + ": detection, median (min-max)", "median <= 8 s",
                    summary(detections(trials, arrivals, outage, model)));
            row(table, model + ": resolve, median (min-max)", "median <= 8 s",
                    summary(resolves(trials, arrivals, outage, model)));
        }
        row(table, "+3 s: detection, median (min-max)", "median <= 30 s",
                summary(slowDetections) + ", detected " + slowDetections.size() + "/" + trials.size());
        row(table, "+3 s: resolve, median (min-max)", "all <= 60 s",
                summary(resolves(trials, arrivals, outage, "m-slow")));
        row(table, "false alarms, healthy run with 2 % errors", "0",
                "" + alarms(arrivals, stack, healthyFrom, healthyTo).size());
        row(table, "30 % errors: FIRINGs per rule", "<= " + IntermittentErrors.AIM_FIRINGS_PER_RULE + " each",
                errors.firingsPerRule(arrivals, stack).toString());
        row(table, "30 % errors: first alert", "<= " + IntermittentErrors.AIM_FIRST_ALERT_MS / 1000 + " s",
                seconds(errors.firstAlert(arrivals, stack)));
        row(table, "30 % errors: firing until they end", "at least one rule",
                errors.heldToEnd(arrivals, stack).toString());
        row(table, "one of two regions failing: critical alerts", "none",
                regions.criticalAlerts(arrivals, stack).toString());
        row(table, "one of two regions failing: warnings naming it", "at least one",
                regions.regionWarnings(arrivals, stack).toString());
        return table.toString();
    }

    /** Every firing alert, on any model, between {@code from} and {@code to}: all false alarms. */
    static String falseAlarms(List<Receiver.Arrival> arrivals, long from, long to) {
        StringBuilder line = new StringBuilder("false alarms in the healthy run (" + (to - from) / 1000 + " s, "
                + PeersBench.NOISY + " failing 2 %):");
        for (String stack : PeersBench.STACKS) {
            List<String> alarms = alarms(arrivals, stack, from, to);
            line.append(' ').append(stack).append('=').append(alarms.size()).append(' ').append(alarms);
        }
        return line.toString();
    }

    /** Firing alerts on the noisy model over the whole run, and per 10 minutes. */
    static String noisy(List<Receiver.Arrival> arrivals, long from, long to) {
        double tenMinutes = (to - from) / 600_000.0;
        StringBuilder line = new StringBuilder("alerts on " + PeersBench.NOISY + " over the whole run ("
                + (to - from) / 60_000 + " min):");
        for (String stack : PeersBench.STACKS) {
            List<String> rules = arrivals.stream().filter(a -> a.stack().equals(stack)
                    && a.model().equals(PeersBench.NOISY) && a.firing()).map(Receiver.Arrival::rule).toList();
            line.append(String.format(" %s=%d (%.1f per 10 min) %s", stack, rules.size(), rules.size() / tenMinutes,
                    rules));
        }
        return line.toString();
    }

    /** A time in ms as seconds with one decimal, or {@code never} when there is none. */
    static String seconds(Long millis) {
        return millis == null ? "never" : String.format("%.1f s", millis / 1000.0);
    }

    /** The firing alerts of {@code stack} between {@code from} and {@code to}, as {@code model:rule}. */
    private static List<String> alarms(List<Receiver.Arrival> arrivals, String stack, long from, long to) {
        return arrivals.stream().filter(a -> a.stack().equals(stack) && a.firing() && a.at() >= from && a.at() < to)
                .map(a -> a.model() + ":" + a.rule()).toList();
    }

    private static void row(StringBuilder table, String figure, String aim, String measured) {
        table.append("| ").append(figure).append(" | ").append(aim).append(" | ").append(measured).append(" |\n");
    }

    private static List<Long> detections(List<Trial> trials, List<Receiver.Arrival> arrivals, View view,
            String model) {
        return trials.stream().map(trial -> trial.detection(arrivals, view, model)).filter(Objects::nonNull).toList();
    }

    private static List<Long> resolves(List<Trial> trials, List<Receiver.Arrival> arrivals, View view, String model) {
        return trials.stream().map(trial -> trial.resolve(arrivals, view, model)).filter(Objects::nonNull).toList();
    }

    private static List<String> firedRules(List<Receiver.Arrival> arrivals, View view, String fault) {
        return arrivals.stream().filter(a -> view.counts(a) && PeersBench.faultOf(a.model()).equals(fault) && a.firing())
                .map(Receiver.Arrival::rule).distinct().toList();
    }

    private static String summary(List<Long> values) {
        if (values.isEmpty()) {
            return "never";
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        double median = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2.0;
        return String.format("%.1f s (%.1f-%.1f)", median / 1000, sorted.get(0) / 1000.0,
                sorted.get(sorted.size() - 1) / 1000.0);
    }
}
