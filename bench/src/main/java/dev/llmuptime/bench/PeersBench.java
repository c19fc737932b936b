package dev.llmuptime.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Detection and resolve times of this project against Prometheus + blackbox_exporter +
 * Alertmanager, all probing the same simulated provider at once:
 * {@code peers REPO_DIR WORK_DIR TRIALS [HEALTHY_MINUTES]}.
 *
 * <p>The run opens with 10 healthy minutes (unless HEALTHY_MINUTES says otherwise) in which a fifth model fails 2 % of requests at random:
 * every alert then is a false alarm. That model stays noisy for the whole run. Then come the
 * trials: each fault runs on its own model (HTTP 500, 429, hang, +3 s), so one trial measures
 * every fault in every stack. Stacks: this project with the default rules ({@code ours-default})
 * and with {@code consecutive-failures >= 1} plus a 2 s latency rule ({@code ours-fast});
 * Prometheus with tutorial defaults ({@code prom-default}) and aggressive settings
 * ({@code prom-aggressive}).
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
        Duration healthyRun = Duration.ofMinutes(args.length > 3 ? Integer.parseInt(args[3]) : 10);
        Random random = new Random();
        try (Receiver receiver = new Receiver(STACKS); PeerProcesses processes = new PeerProcesses(repo, work)) {
            String sim = processes.startAll(receiver.port());
            HttpClient http = HttpClient.newHttpClient();
            fault(http, sim, "{\"model\":\"" + NOISY + "\",\"mode\":\"error\",\"status\":500,\"probability\":0.02}");
            long runStart = System.currentTimeMillis();
            System.out.println("healthy run: " + healthyRun.toMinutes() + " min, " + NOISY + " failing 2 % at random");
            Thread.sleep(healthyRun.toMillis());
            long healthyEnd = System.currentTimeMillis();
            System.out.println(Report.falseAlarms(receiver.arrivals(), runStart, healthyEnd));
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
                Trial trial = new Trial(t, faultAt, clearedAt);
                awaitResolutions(trial, receiver);
                done.add(trial);
                System.out.println(trial.describe(receiver.arrivals()));
            }
            long runEnd = System.currentTimeMillis();
            List<Receiver.Arrival> arrivals = receiver.arrivals();
            System.out.println(Report.table(done, arrivals));
            System.out.println(Report.falseAlarms(arrivals, runStart, healthyEnd));
            System.out.println(Report.noisy(arrivals, runStart, runEnd));
            System.out.println(new PipelineOverhead(arrivals,
                    ResultsTopic.readAll(processes.bootstrap(), PeerProcesses.RESULTS_TOPIC)).describe());
        }
    }

    /**
     * Waits at least a minute after recovery, then until every stack that fired has resolved, at
     * most 6 minutes: Alertmanager with tutorial settings resolves on its 5-minute group interval.
     */
    private static void awaitResolutions(Trial trial, Receiver receiver) throws InterruptedException {
        long deadline = trial.clearedAt() + Duration.ofMinutes(6).toMillis();
        Thread.sleep(Duration.ofMinutes(1).toMillis());
        while (System.currentTimeMillis() < deadline && !trial.settled(receiver.arrivals())) {
            Thread.sleep(1_000);
        }
    }

    private static void fault(HttpClient http, String sim, String body) throws IOException, InterruptedException {
        http.send(HttpRequest.newBuilder(URI.create(sim + "/_sim/faults")).POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.discarding());
    }
}
