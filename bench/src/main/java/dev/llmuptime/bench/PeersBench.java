package dev.llmuptime.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

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

    static final List<String> STACKS = List.of("ours-default", "ours-fast", PrometheusProfile.TUTORIAL.stack(),
            PrometheusProfile.AGGRESSIVE.stack());
    /** One fault per model, injected together in every trial. */
    static final List<Fault> FAULTS = List.of(Fault.error("m-500", 500), Fault.rateLimit("m-429"), Fault.hang("m-hang"),
            Fault.slow("m-slow", 3000));
    static final List<String> FAULTY_MODELS = FAULTS.stream().map(Fault::model).toList();
    static final String NOISY = "m-noisy";
    /** Every model the simulated provider serves and every stack probes. */
    static final List<String> MODELS = Stream.concat(FAULTY_MODELS.stream(), Stream.of(NOISY)).toList();

    private static final Operand REPO_DIR = Operand.required("REPO_DIR",
            "root of this project, with the service jars built under */target");
    private static final Operand TRIALS = Operand.required("TRIALS", "how many times every fault is injected");
    private static final Operand HEALTHY_MINUTES = Operand.optional("HEALTHY_MINUTES",
            "length of the healthy run before the trials, in minutes", "10");

    static final Subcommand COMMAND = new Subcommand("peers",
            "Detection and resolve times of this project and of Prometheus + Alertmanager on one simulated "
                    + "provider.",
            List.of(REPO_DIR, Operand.WORK_DIR, TRIALS, HEALTHY_MINUTES),
            (arguments, out) -> run(arguments.path(REPO_DIR), arguments.path(Operand.WORK_DIR),
                    arguments.wholeNumber(TRIALS, 0), Duration.ofMinutes(arguments.wholeNumber(HEALTHY_MINUTES, 0)), out));

    private PeersBench() {
    }

    private static void run(Path repo, Path work, int trials, Duration healthyRun, PrintStream out) throws Exception {
        Random random = new Random();
        try (Receiver receiver = new Receiver(STACKS); PeerProcesses processes = new PeerProcesses(repo, work)) {
            SimulatorFaults simulator = new SimulatorFaults(processes.startAll(receiver.port()));
            simulator.apply(Fault.error(NOISY, 500).withProbability(0.02));
            long runStart = System.currentTimeMillis();
            out.println("healthy run: " + healthyRun.toMinutes() + " min, " + NOISY + " failing 2 % at random");
            Thread.sleep(healthyRun.toMillis());
            long healthyEnd = System.currentTimeMillis();
            out.println(Report.falseAlarms(receiver.arrivals(), runStart, healthyEnd));
            List<Trial> done = new ArrayList<>();
            for (int t = 1; t <= trials; t++) {
                Thread.sleep(5_000 + random.nextInt(15_000));
                long faultAt = System.currentTimeMillis();
                for (Fault fault : FAULTS) {
                    simulator.apply(fault);
                }
                Thread.sleep(10_000 + random.nextInt(20_000));
                long clearedAt = System.currentTimeMillis();
                for (String model : FAULTY_MODELS) {
                    simulator.apply(Fault.healthy(model));
                }
                Trial trial = new Trial(t, faultAt, clearedAt);
                awaitResolutions(trial, receiver);
                done.add(trial);
                out.println(trial.describe(receiver.arrivals()));
            }
            long runEnd = System.currentTimeMillis();
            List<Receiver.Arrival> arrivals = receiver.arrivals();
            out.println(Report.table(done, arrivals));
            out.println(Report.falseAlarms(arrivals, runStart, healthyEnd));
            out.println(Report.noisy(arrivals, runStart, runEnd));
            out.println(new PipelineOverhead(arrivals,
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
}
