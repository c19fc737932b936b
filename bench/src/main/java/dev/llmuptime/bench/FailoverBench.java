package dev.llmuptime.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmuptime.embedded.kafka.FreePort;
import dev.llmuptime.schema.ProbeResult;
import dev.llmuptime.testkit.ClusterSpec;
import dev.llmuptime.testkit.FinalWindows;
import dev.llmuptime.testkit.ServiceCluster;
import dev.llmuptime.testkit.ServiceProcess;
import dev.llmuptime.testkit.TopicFeed;
import dev.llmuptime.testkit.TopicReader;
import dev.llmuptime.testkit.WebhookReceiver;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;

/**
 * Failover times of every service: {@code failover REPO_DIR WORK_DIR [KILLS] [SESSION_TIMEOUT]}.
 * Three probers, two aggregators and two alert consumers run from the packaged jars on one broker
 * (local-stack {@code --kafka-only}) against the simulated provider, with the Kafka client defaults
 * unless SESSION_TIMEOUT sets the aggregators' and alert consumers' {@code session.timeout.ms}. Each
 * prober, aggregator and alert consumer is killed (SIGKILL) KILLS times in turn and started again,
 * a prober also stopped (SIGTERM) KILLS times; then the probers stop and every final window is
 * compared with the probe results it counts.
 */
final class FailoverBench {

    static final List<String> TARGETS = IntStream.range(0, 8).mapToObj(i -> "target-" + i).toList();
    /** The target of the alert episodes, alone on its model so that a fault of the model is its own. */
    static final String FAULTY = "target-5";
    static final String FAULTY_MODEL = "sim-faulty";
    static final int PARTITIONS = 4;
    static final Duration INTERVAL = Duration.ofSeconds(2);

    private static final Operand REPO_DIR = Operand.required("REPO_DIR",
            "root of this project, with the service jars built under */target");
    private static final Operand KILLS = Operand.optional("KILLS", "signals sent to each service", "5");
    private static final Operand SESSION_TIMEOUT = Operand.optional("SESSION_TIMEOUT",
            "session.timeout.ms of the aggregators and alert consumers, e.g. 6s; 'default' keeps theirs (10s)",
            "default");
    private static final Duration START = Duration.ofMinutes(3);

    static final Subcommand COMMAND = new Subcommand("failover",
            "Failover times of probers, aggregators and alert consumers killed (SIGKILL) and stopped (SIGTERM) "
                    + "in a running cluster, and how probing and stats went on.",
            List.of(REPO_DIR, Operand.WORK_DIR, KILLS, SESSION_TIMEOUT),
            (arguments, out) -> run(arguments.path(REPO_DIR), arguments.path(Operand.WORK_DIR),
                    arguments.wholeNumber(KILLS, 1), groupClient(arguments), out));

    private FailoverBench() {
    }

    /** Kafka client settings of the aggregators and alert consumers: none, or their session timeout. */
    private static Map<String, String> groupClient(Arguments arguments) {
        if (arguments.text(SESSION_TIMEOUT).equals("default")) {
            return Map.of();
        }
        return Map.of("session.timeout.ms", "" + arguments.duration(SESSION_TIMEOUT).toMillis());
    }

    private static void run(Path repo, Path work, int kills, Map<String, String> groupClient, PrintStream out)
            throws Exception {
        int kafkaPort = FreePort.pick();
        int simPort = FreePort.pick();
        String bootstrap = "localhost:" + kafkaPort;
        Map<String, String> models = new LinkedHashMap<>();
        TARGETS.forEach(target -> models.put(target, target.equals(FAULTY) ? FAULTY_MODEL : "sim-small"));
        try (WebhookReceiver receiver = new WebhookReceiver();
             ServiceProcess kafka = new ServiceProcess(repo, "local-stack", "kafka", List.of("--kafka-only",
                     "--kafka-port", "" + kafkaPort), work, kafkaPort, List.of("-Xmx1g"));
             ServiceProcess simulator = new ServiceProcess(repo, "local-stack", "simulator", List.of(
                     "--simulator-only", "--simulator-port", "" + simPort, "--simulator-models",
                     "sim-small," + FAULTY_MODEL), work, simPort, ServiceProcess.SMALL_JVM)) {
            kafka.start();
            simulator.start().awaitReady("/v1/models", START);
            Poll.until("the broker", START, () -> brokerUp(bootstrap));
            ClusterSpec spec = new ClusterSpec(bootstrap, "failover", PARTITIONS, "http://127.0.0.1:" + simPort + "/v1",
                    models, INTERVAL, Duration.ofSeconds(15), receiver.url(), groupClient);
            try (ServiceCluster cluster = new ServiceCluster(repo, work, spec, ServiceProcess.SMALL_JVM)) {
                cluster.createTopics();
                try (ClusterWatch watch = new ClusterWatch(bootstrap, spec)) {
                    out.println("cluster: 3 probe-producers, 2 aggregator-streams, 2 alert-consumers, each "
                            + ServiceProcess.SMALL_JVM + "; " + TARGETS.size() + " targets probed every "
                            + INTERVAL.toSeconds() + " s; " + PARTITIONS + " partitions; Kafka client settings of "
                            + "aggregators and alert consumers: " + (groupClient.isEmpty() ? "defaults" : groupClient));
                    measure(cluster, watch, new SimulatorFaults("http://127.0.0.1:" + simPort), receiver, kills, out);
                }
            }
        }
    }

    private static void measure(ServiceCluster cluster, ClusterWatch watch, SimulatorFaults faults,
            WebhookReceiver receiver, int kills, PrintStream out) throws Exception {
        List<ServiceProcess> aggregators = List.of(cluster.aggregator("aggregator-a"),
                cluster.aggregator("aggregator-b"));
        List<ServiceProcess> probers = List.of(cluster.prober("prober-1"), cluster.prober("prober-2"),
                cluster.prober("prober-3"));
        List<ServiceProcess> alerters = List.of(cluster.alertConsumer("alert-a"), cluster.alertConsumer("alert-b"));
        ServiceCluster.startAll(cluster.instances(), START);
        FailoverTrials trials = new FailoverTrials(probers, aggregators, alerters, watch, faults, receiver,
                cluster.spec(), FAULTY, FAULTY_MODEL);

        Instant runStart = Instant.now();
        FailoverTrials.Failover baseline = trials.alertConsumer(0, false);
        List<FailoverTrials.Failover> proberKills = repeat(kills, n -> trials.prober(n, true), "prober SIGKILL", out);
        List<FailoverTrials.Failover> proberStops = repeat(kills, n -> trials.prober(n, false), "prober SIGTERM", out);
        List<FailoverTrials.Failover> aggregatorKills = repeat(kills, trials::aggregator, "aggregator SIGKILL", out);
        List<FailoverTrials.Failover> alertKills = repeat(kills, n -> trials.alertConsumer(n, true),
                "alert-consumer SIGKILL", out);
        Instant runEnd = Instant.now();

        out.println();
        out.println("prober SIGKILL -> every target the killed prober probed last is probed by a survivor: "
                + summary(proberKills, FailoverTrials.Failover::took) + "   [aim: within 15 s, p50 <= 10 s]");
        out.println("prober SIGTERM -> every target the stopped prober probed last is probed by a survivor: "
                + summary(proberStops, FailoverTrials.Failover::took) + "   [aim: within 3 s]; process exit: "
                + summary(proberStops, FailoverTrials.Failover::exited));
        out.println("aggregator SIGKILL -> the survivor lists every target (complete, not partial) and serves "
                + "fresh (not stale) stats of each, all with a probe after the kill: "
                + summary(aggregatorKills, FailoverTrials.Failover::took) + "   [aim: within 60 s]");
        out.println("alert-consumer SIGKILL of the instance deciding " + FAULTY + ", at the moment its model starts "
                + "failing -> the survivor owns every stats partition: "
                + summary(alertKills, FailoverTrials.Failover::partitionsMoved) + "; the FIRING is delivered: "
                + summary(alertKills, FailoverTrials.Failover::took) + "   [no aim; same fault without a kill: "
                + baseline.took().toMillis() + " ms]");
        reportEpisodes(trials.deliveries(), kills + 1, out);
        out.println("probing from " + runStart + " to " + runEnd + ": " + watch.results().size()
                + " probe results, " + watch.duplicateResults() + " written twice; longest gap between two probes "
                + "of one target: " + watch.longestProbeGap() + "; longest gap between two stats records of one "
                + "target: " + watch.longestStatsGap());

        for (ServiceProcess prober : probers) {
            prober.stop(Duration.ofSeconds(60));
        }
        reportExactness(cluster, watch, out);
    }

    /** Every episode has one alertId, a FIRING and a RESOLVED, and repeats keep their Idempotency-Key. */
    private static void reportEpisodes(List<JsonNode> deliveries, int injected, PrintStream out) {
        Map<String, List<String>> byAlertId = deliveries.stream().collect(Collectors.groupingBy(
                delivery -> delivery.path("alertId").asText(), LinkedHashMap::new,
                Collectors.mapping(delivery -> delivery.path("status").asText(), Collectors.toList())));
        long complete = byAlertId.values().stream().filter(statuses -> statuses.contains("FIRING")
                && statuses.contains("RESOLVED")).count();
        long keysMatching = deliveries.stream().filter(delivery -> delivery.path("idempotencyKey").asText().equals(
                delivery.path("alertId").asText() + ":" + delivery.path("status").asText())).count();
        out.println("alert episodes: " + injected + " faults injected, " + byAlertId.size() + " alertIds, "
                + complete + " with FIRING and RESOLVED delivered; " + deliveries.size() + " deliveries, "
                + keysMatching + " with Idempotency-Key <alertId>:<status>");
    }

    /** One result per target far ahead closes every window; each final count must equal the results of its window. */
    private static void reportExactness(ServiceCluster cluster, ClusterWatch watch, PrintStream out) throws Exception {
        ClusterSpec spec = cluster.spec();
        long produced = TopicReader.recordCount(spec.bootstrapServers(), spec.resultsTopic());
        List<ProbeResult> probed = Poll.until("every probe result", START,
                () -> watch.results().size() == produced ? Optional.of(watch.results()) : Optional.empty());
        FinalWindows.closeAll(spec);
        Map<FinalWindows.Window, Long> expected = FinalWindows.expected(probed);
        Map<FinalWindows.Window, List<Long>> finals = Poll.until("every final window", START, () -> {
            Map<FinalWindows.Window, List<Long>> found = FinalWindows.finals(watch.stats().stream()
                    .map(TopicFeed.Arrival::value).toList());
            return found.keySet().containsAll(expected.keySet()) ? Optional.of(found) : Optional.empty();
        });
        List<String> differing = new ArrayList<>();
        expected.forEach((window, count) -> {
            if (!finals.get(window).equals(List.of(count))) {
                differing.add(window + " counted " + finals.get(window) + ", results " + count);
            }
        });
        out.println("final windows (1m, all regions): " + expected.size() + " compared with the " + probed.size()
                + " probe results in the topic, " + differing.size() + " differ" + (differing.isEmpty() ? ""
                : ": " + differing));
    }

    /** Median, min and max in milliseconds, and every value in order of the trials. */
    static String summary(List<FailoverTrials.Failover> trials, Function<FailoverTrials.Failover, Duration> measure) {
        List<Long> values = trials.stream().map(measure).map(Duration::toMillis).toList();
        List<Long> sorted = values.stream().sorted().toList();
        return "median " + Percentile.of(sorted, 0.5) + " ms, min " + sorted.get(0) + " ms, max "
                + sorted.get(sorted.size() - 1) + " ms (n=" + values.size() + ": " + values + ")";
    }

    @FunctionalInterface
    private interface Trial {
        FailoverTrials.Failover run(int n) throws Exception;
    }

    private static List<FailoverTrials.Failover> repeat(int times, Trial trial, String what, PrintStream out)
            throws Exception {
        List<FailoverTrials.Failover> done = new ArrayList<>();
        for (int n = 0; n < times; n++) {
            FailoverTrials.Failover failover = trial.run(n);
            done.add(failover);
            out.println(what + " " + (n + 1) + ": " + failover.took().toMillis() + " ms");
        }
        return done;
    }

    private static Optional<Boolean> brokerUp(String bootstrap) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap, "request.timeout.ms", 2000,
                "default.api.timeout.ms", 3000))) {
            admin.listTopics().names().get();
            return Optional.of(true);
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
