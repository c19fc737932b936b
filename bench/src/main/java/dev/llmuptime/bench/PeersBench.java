package dev.llmuptime.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Detection and resolve times of this project against Prometheus + blackbox_exporter +
 * Alertmanager, all probing the same simulated provider at once:
 * {@code peers REPO_DIR WORK_DIR TRIALS [HEALTHY_MINUTES [INTERMITTENT_MINUTES [WARMUP_MINUTES [REGION_MINUTES]]]]}.
 *
 * <p>The run opens with 10 healthy minutes (HEALTHY_MINUTES) in which a model fails 2 % of requests
 * at random: every alert then is a false alarm. That model stays noisy for the whole run. Then
 * another model fails 30 % of requests at random for 5 minutes (INTERMITTENT_MINUTES): an episode
 * that should page once and stay firing. The trials wait until WARMUP_MINUTES after the probes
 * started, so that the default {@code slow} rule has a baseline. In each trial every fault runs on
 * its own model (HTTP 500, 429, hang, +3 s), so one trial measures every fault in every stack; the
 * slowdown each time on a model no earlier trial slowed. Last,
 * a prober of a second region probes every target for 10 minutes (REGION_MINUTES), failing on one
 * model alone: a problem at one vantage point, which must not page. Stacks: this project with the
 * default rules ({@code ours-default}) and with {@code consecutive-failures >= 1} plus a 2 s latency
 * rule ({@code ours-fast}); Prometheus with tutorial defaults ({@code prom-default}) and aggressive
 * settings ({@code prom-aggressive}).
 */
final class PeersBench {

    static final List<String> STACKS = List.of("ours-default", "ours-fast", PrometheusProfile.TUTORIAL.stack(),
            PrometheusProfile.AGGRESSIVE.stack());
    /** The slowdown's name in the reports; the model it runs on changes with every trial ({@link #slowModel}). */
    static final String SLOW = "m-slow";
    /** The faults injected together in every trial, by name: each on its own model. */
    static final List<String> FAULTY_MODELS = List.of("m-500", "m-429", "m-hang", SLOW);
    static final String NOISY = "m-noisy";
    /** The model of the intermittent errors, kept apart so that its failures stay out of the trials' windows. */
    static final String FLAKY = "m-flaky";
    /** The model the second region fails on. */
    static final String REGIONAL = "m-region";
    static final String OTHER_REGION = "far";
    /** Every model the simulated provider serves and every stack probes, with {@code trials} trials. */
    static List<String> models(int trials) {
        return Stream.of(FAULTY_MODELS.subList(0, 3).stream(), IntStream.rangeClosed(1, trials)
                .mapToObj(PeersBench::slowModel), Stream.of(NOISY, FLAKY, REGIONAL)).flatMap(models -> models).toList();
    }

    /** The faults of trial {@code trial}, one per model. */
    static List<Fault> faults(int trial) {
        return List.of(Fault.error("m-500", 500), Fault.rateLimit("m-429"), Fault.hang("m-hang"),
                Fault.slow(slowModel(trial), 3000));
    }

    /**
     * The model trial {@code trial} slows down: one no earlier trial slowed, so each slowdown is judged
     * against a model that usually answers fast. A model slowed in every trial, every 2 or 3 minutes,
     * is slow 15 % of the time: its own p95, the baseline, is then the slow answers.
     */
    static String slowModel(int trial) {
        return SLOW + "-" + trial;
    }

    /** The fault a model's alerts report on: {@link #SLOW} for every model a trial slowed. */
    static String faultOf(String model) {
        return model.startsWith(SLOW + "-") ? SLOW : model;
    }

    private static final Operand REPO_DIR = Operand.required("REPO_DIR",
            "root of this project, with the service jars built under */target");
    private static final Operand TRIALS = Operand.required("TRIALS", "how many times every fault is injected");
    private static final Operand HEALTHY_MINUTES = Operand.optional("HEALTHY_MINUTES",
            "length of the healthy run before the trials, in minutes", "10");
    private static final Operand INTERMITTENT_MINUTES = Operand.optional("INTERMITTENT_MINUTES",
            "how long " + FLAKY + " fails 30 % of requests, in minutes", "5");
    private static final Operand WARMUP_MINUTES = Operand.optional("WARMUP_MINUTES",
            "the trials begin no earlier than this many minutes after the probes started, so that the default slow "
                    + "rule has a baseline (60 answered probes in closed 1-minute windows: 6 minutes at 5 s)",
            "8");
    private static final Operand REGION_MINUTES = Operand.optional("REGION_MINUTES",
            "how long the second region probes, failing on " + REGIONAL + ", in minutes", "10");
    /** Errors of the intermittent phase, at random. */
    private static final double INTERMITTENT_SHARE = 0.3;

    static final Subcommand COMMAND = new Subcommand("peers",
            "Detection and resolve times of this project and of Prometheus + Alertmanager on one simulated "
                    + "provider.",
            List.of(REPO_DIR, Operand.WORK_DIR, TRIALS, HEALTHY_MINUTES, INTERMITTENT_MINUTES, WARMUP_MINUTES,
                    REGION_MINUTES),
            (arguments, out) -> run(arguments.path(REPO_DIR), arguments.path(Operand.WORK_DIR), new PeersPlan(
                    minutes(arguments, HEALTHY_MINUTES, 0), minutes(arguments, INTERMITTENT_MINUTES, 1),
                    minutes(arguments, WARMUP_MINUTES, 0), arguments.wholeNumber(TRIALS, 0),
                    minutes(arguments, REGION_MINUTES, 1)), out));

    private PeersBench() {
    }

    private static Duration minutes(Arguments arguments, Operand operand, int atLeast) {
        return Duration.ofMinutes(arguments.wholeNumber(operand, atLeast));
    }

    private static void run(Path repo, Path work, PeersPlan plan, PrintStream out) throws Exception {
        Random random = new Random();
        try (Receiver receiver = new Receiver(STACKS); PeerProcesses processes = new PeerProcesses(repo, work,
                models(plan.trials()))) {
            SimulatorFaults simulator = new SimulatorFaults(processes.startAll(receiver.port()));
            simulator.apply(Fault.error(NOISY, 500).withProbability(0.02));
            long runStart = System.currentTimeMillis();
            out.println("healthy run: " + plan.healthyRun().toMinutes() + " min, " + NOISY + " failing 2 % at random");
            Thread.sleep(plan.healthyRun().toMillis());
            long healthyEnd = System.currentTimeMillis();
            out.println(Report.falseAlarms(receiver.arrivals(), runStart, healthyEnd));

            IntermittentErrors errors = intermittentErrors(plan.intermittentErrors(), simulator, receiver);
            out.println(errors.describe(receiver.arrivals()));

            long warmUpLeft = runStart + plan.warmUp().toMillis() - System.currentTimeMillis();
            out.println("warm-up: the trials begin " + plan.warmUp().toMinutes() + " min after the probes started, "
                    + Math.max(0, warmUpLeft) / 1000 + " s from now, so that the default slow rule has a baseline");
            Thread.sleep(Math.max(0, warmUpLeft));

            List<Trial> done = new ArrayList<>();
            for (int t = 1; t <= plan.trials(); t++) {
                Thread.sleep(5_000 + random.nextInt(15_000));
                long faultAt = System.currentTimeMillis();
                for (Fault fault : faults(t)) {
                    simulator.apply(fault);
                }
                Thread.sleep(10_000 + random.nextInt(20_000));
                long clearedAt = System.currentTimeMillis();
                for (Fault fault : faults(t)) {
                    simulator.apply(Fault.healthy(fault.model()));
                }
                Trial trial = new Trial(t, faultAt, clearedAt);
                awaitSettled(trial::settled, receiver, clearedAt, Duration.ofMinutes(6));
                done.add(trial);
                out.println(trial.describe(receiver.arrivals()));
            }
            long runEnd = System.currentTimeMillis();
            List<Receiver.Arrival> arrivals = receiver.arrivals();
            out.println(Report.table(done, arrivals));
            out.println(Report.falseAlarms(arrivals, runStart, healthyEnd));
            out.println(Report.noisy(arrivals, runStart, runEnd));
            // Before the second region: each alert's trigger is then the one prober's latest probe.
            out.println(new PipelineOverhead(arrivals,
                    ResultsTopic.readAll(processes.bootstrap(), PeerProcesses.RESULTS_TOPIC)).describe());

            RegionOutage regions = regionOutage(plan.twoRegions(), processes, receiver);
            out.println(regions.describe(receiver.arrivals()));
            out.println(Report.aims(done, receiver.arrivals(), runStart, healthyEnd, errors, regions));
        }
    }

    /**
     * 30 % of {@link #FLAKY}'s requests fail with HTTP 500 for {@code length}, then it recovers; waits
     * until every alert on it has resolved, at most 8 minutes: {@code down} holds up to its 5-minute
     * flap-window after the last failure, Alertmanager with tutorial settings up to its group interval.
     */
    private static IntermittentErrors intermittentErrors(Duration length, SimulatorFaults simulator, Receiver receiver)
            throws Exception {
        simulator.apply(Fault.error(FLAKY, 500).withProbability(INTERMITTENT_SHARE));
        long start = System.currentTimeMillis();
        Thread.sleep(length.toMillis());
        simulator.apply(Fault.healthy(FLAKY));
        IntermittentErrors errors = new IntermittentErrors(FLAKY, start, System.currentTimeMillis());
        awaitSettled(errors::settled, receiver, errors.end(), Duration.ofMinutes(8));
        return errors;
    }

    /**
     * A prober of {@link #OTHER_REGION} probes every target for {@code length}, its requests for
     * {@link #REGIONAL} failing; then it stops, and the run waits until its warnings resolve, at most
     * 4 minutes: a region stops voting 2 minutes after its last probe.
     */
    private static RegionOutage regionOutage(Duration length, PeerProcesses processes, Receiver receiver)
            throws Exception {
        long start = System.currentTimeMillis();
        Process prober = processes.startOtherRegion(OTHER_REGION, REGIONAL);
        Thread.sleep(length.toMillis());
        processes.stop(prober);
        RegionOutage regions = new RegionOutage(REGIONAL, OTHER_REGION, start, System.currentTimeMillis());
        awaitSettled(regions::settled, receiver, regions.end(), Duration.ofMinutes(4));
        return regions;
    }

    /** Waits at least a minute after {@code from}, then until the arrivals are settled, at most {@code atMost}. */
    private static void awaitSettled(Predicate<List<Receiver.Arrival>> settled, Receiver receiver, long from,
            Duration atMost) throws InterruptedException {
        long deadline = from + atMost.toMillis();
        Thread.sleep(Duration.ofMinutes(1).toMillis());
        while (System.currentTimeMillis() < deadline && !settled.test(receiver.arrivals())) {
            Thread.sleep(1_000);
        }
    }
}
