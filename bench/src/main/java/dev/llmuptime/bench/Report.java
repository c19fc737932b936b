package dev.llmuptime.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The peers table: medians, minima and maxima per row and fault, the rules that fired, false alarms. */
final class Report {

    private Report() {
    }

    static String table(List<Trial> trials, List<Receiver.Arrival> arrivals) {
        StringBuilder table = new StringBuilder("\n| stack | fault | detection median (min-max) | resolve median "
                + "(min-max) | detected | rules that fired |\n|---|---|---|---|---|---|\n");
        for (View view : View.ALL) {
            for (String model : PeersBench.FAULTY_MODELS) {
                List<Long> detections = new ArrayList<>();
                List<Long> resolves = new ArrayList<>();
                for (Trial trial : trials) {
                    Long detection = trial.detection(arrivals, view, model);
                    if (detection != null) {
                        detections.add(detection);
                    }
                    Long resolve = trial.resolve(arrivals, view, model);
                    if (resolve != null) {
                        resolves.add(resolve);
                    }
                }
                table.append("| ").append(view.name()).append(" | ").append(model).append(" | ")
                        .append(summary(detections)).append(" | ").append(summary(resolves)).append(" | ")
                        .append(detections.size()).append('/').append(trials.size()).append(" | ")
                        .append(firedRules(arrivals, view, model)).append(" |\n");
            }
        }
        return table.toString();
    }

    /** Every firing alert, on any model, between {@code from} and {@code to}: all false alarms. */
    static String falseAlarms(List<Receiver.Arrival> arrivals, long from, long to) {
        StringBuilder line = new StringBuilder("false alarms in the healthy run (" + (to - from) / 1000 + " s, "
                + PeersBench.NOISY + " failing 2 %):");
        for (String stack : PeersBench.STACKS) {
            List<String> alarms = arrivals.stream()
                    .filter(a -> a.stack().equals(stack) && a.firing() && a.at() >= from && a.at() < to)
                    .map(a -> a.model() + ":" + a.rule()).toList();
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

    private static List<String> firedRules(List<Receiver.Arrival> arrivals, View view, String model) {
        return arrivals.stream().filter(a -> view.counts(a) && a.model().equals(model) && a.firing())
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
