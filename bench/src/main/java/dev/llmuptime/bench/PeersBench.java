package dev.llmuptime.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Detection and resolve times of this project against Prometheus + blackbox_exporter +
 * Alertmanager, all probing the same simulated provider at once:
 * {@code peers REPO_DIR WORK_DIR TRIALS}.
 *
 * <p>Each fault runs on its own model (HTTP 500, 429, hang, +3 s), so one trial measures every
 * fault in every stack; a fifth model fails 2 % of requests at random for the whole run, to count
 * false alarms. Stacks: this project with the default rules ({@code ours-default}) and with
 * {@code consecutive-failures >= 1} plus a 2 s latency rule ({@code ours-fast}); Prometheus with
 * tutorial defaults ({@code prom-default}) and aggressive settings ({@code prom-aggressive}).
 */
final class PeersBench {

    static final List<String> STACKS = List.of("ours-default", "ours-fast", "prom-default", "prom-aggressive");
    static final Map<String, String> FAULTS = new LinkedHashMap<>();

    static {
        FAULTS.put("m-500", "{\"model\":\"m-500\",\"mode\":\"error\",\"status\":500}");
        FAULTS.put("m-429", "{\"model\":\"m-429\",\"mode\":\"rate-limit\"}");
        FAULTS.put("m-hang", "{\"model\":\"m-hang\",\"mode\":\"hang\"}");
        FAULTS.put("m-slow", "{\"model\":\"m-slow\",\"mode\":\"slow\",\"latencyMs\":3000}");
    }

    static final String NOISY = "m-noisy";

    private PeersBench() {
    }

    static void main(String[] args) throws Exception {
        Path repo = Path.of(args[0]).toAbsolutePath();
        Path work = Path.of(args[1]).toAbsolutePath();
        int trials = Integer.parseInt(args[2]);
        Random random = new Random();
        try (Receiver receiver = new Receiver(STACKS); PeerProcesses processes = new PeerProcesses(repo, work)) {
            String sim = processes.startAll(receiver.port());
            HttpClient http = HttpClient.newHttpClient();
            fault(http, sim, "{\"model\":\"" + NOISY + "\",\"mode\":\"error\",\"status\":500,\"probability\":0.02}");
            System.out.println("warming up 90 s: every stack sees the models healthy first");
            Thread.sleep(90_000);
            long runStart = System.currentTimeMillis();
            List<Trial> done = new ArrayList<>();
            for (int t = 1; t <= trials; t++) {
                Thread.sleep(5_000 + random.nextInt(15_000));
                long faultAt = System.currentTimeMillis();
                for (String fault : FAULTS.values()) {
                    fault(http, sim, fault);
                }
                Thread.sleep(10_000 + random.nextInt(20_000));
                long clearedAt = System.currentTimeMillis();
                for (String model : FAULTS.keySet()) {
                    fault(http, sim, "{\"model\":\"" + model + "\",\"mode\":\"healthy\"}");
                }
                // Default Alertmanager sends resolutions on its 5-minute group interval.
                Thread.sleep(Duration.ofMinutes(6).toMillis());
                Trial trial = new Trial(t, faultAt, clearedAt);
                done.add(trial);
                System.out.println(trial.describe(receiver.arrivals()));
            }
            long runEnd = System.currentTimeMillis();
            System.out.println(Report.table(done, receiver.arrivals(), runStart, runEnd));
        }
    }

    private static void fault(HttpClient http, String sim, String body) throws IOException, InterruptedException {
        http.send(HttpRequest.newBuilder(URI.create(sim + "/_sim/faults")).POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.discarding());
    }

    /** One injection of every fault at {@code faultAt}, cleared at {@code clearedAt}. */
    record Trial(int number, long faultAt, long clearedAt) {

        /** Firing arrival minus fault start, per stack and model; null when the stack never fired. */
        Long detection(List<Receiver.Arrival> arrivals, String stack, String model) {
            return arrivals.stream().filter(a -> a.stack().equals(stack) && a.model().equals(model) && a.firing()
                    && a.at() >= faultAt).map(a -> a.at() - faultAt).min(Long::compare).orElse(null);
        }

        /** Resolved arrival minus recovery, per stack and model; null when it never resolved. */
        Long resolve(List<Receiver.Arrival> arrivals, String stack, String model) {
            return arrivals.stream().filter(a -> a.stack().equals(stack) && a.model().equals(model) && !a.firing()
                    && a.at() >= clearedAt).map(a -> a.at() - clearedAt).min(Long::compare).orElse(null);
        }

        String describe(List<Receiver.Arrival> arrivals) {
            StringBuilder line = new StringBuilder("trial " + number + " (fault held "
                    + (clearedAt - faultAt) / 1000 + " s):");
            for (String stack : STACKS) {
                for (String model : FAULTS.keySet()) {
                    line.append(' ').append(stack).append('/').append(model).append('=')
                            .append(detection(arrivals, stack, model)).append('/').append(resolve(arrivals, stack, model));
                }
            }
            return line.toString();
        }
    }

    /** Medians, minima and maxima per stack and fault, and false alarms on the noisy model. */
    static final class Report {

        private Report() {
        }

        static String table(List<Trial> trials, List<Receiver.Arrival> arrivals, long start, long end) {
            StringBuilder table = new StringBuilder("\n| stack | fault | detection median (min-max) | resolve median "
                    + "(min-max) | detected |\n|---|---|---|---|---|\n");
            for (String stack : STACKS) {
                for (String model : FAULTS.keySet()) {
                    List<Long> detections = new ArrayList<>();
                    List<Long> resolves = new ArrayList<>();
                    for (Trial trial : trials) {
                        Long detection = trial.detection(arrivals, stack, model);
                        if (detection != null) {
                            detections.add(detection);
                        }
                        Long resolve = trial.resolve(arrivals, stack, model);
                        if (resolve != null) {
                            resolves.add(resolve);
                        }
                    }
                    table.append("| ").append(stack).append(" | ").append(model).append(" | ")
                            .append(summary(detections)).append(" | ").append(summary(resolves)).append(" | ")
                            .append(detections.size()).append('/').append(trials.size()).append(" |\n");
                }
            }
            table.append("\nrules that fired, per stack and model:");
            for (String stack : STACKS) {
                for (String model : FAULTS.keySet()) {
                    table.append(' ').append(stack).append('/').append(model).append('=').append(arrivals.stream()
                            .filter(a -> a.stack().equals(stack) && a.model().equals(model) && a.firing())
                            .map(Receiver.Arrival::rule).distinct().toList());
                }
            }
            table.append("\nfalse alarms on ").append(NOISY).append(" (2 % random errors) over ")
                    .append((end - start) / 60_000).append(" min:");
            for (String stack : STACKS) {
                List<String> rules = arrivals.stream().filter(a -> a.stack().equals(stack) && a.model().equals(NOISY)
                        && a.firing()).map(Receiver.Arrival::rule).toList();
                table.append(' ').append(stack).append('=').append(rules.size()).append(' ').append(rules);
            }
            return table.append('\n').toString();
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
}
