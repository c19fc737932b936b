package dev.llmuptime.local;

import static dev.llmuptime.testkit.ClusterHealth.statsPartitions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmuptime.schema.ProbeResult;
import dev.llmuptime.schema.ProbeResultSerde;
import dev.llmuptime.schema.WindowStats;
import dev.llmuptime.schema.WindowStatsSerde;
import dev.llmuptime.simulator.Fault;
import dev.llmuptime.simulator.FaultMode;
import dev.llmuptime.simulator.Pacing;
import dev.llmuptime.simulator.SimulatedProvider;
import dev.llmuptime.testkit.ClusterHealth;
import dev.llmuptime.testkit.ClusterSpec;
import dev.llmuptime.testkit.FinalWindows;
import dev.llmuptime.testkit.KafkaCluster;
import dev.llmuptime.testkit.ServiceCluster;
import dev.llmuptime.testkit.ServiceProcess;
import dev.llmuptime.testkit.SharedKafka;
import dev.llmuptime.testkit.TopicFeed;
import dev.llmuptime.testkit.TopicReader;
import dev.llmuptime.testkit.WebhookReceiver;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Three probers, two aggregators and two alert consumers run as processes from the packaged jars
 * against one broker, the simulated provider and a webhook receiver; one of each is killed with
 * SIGKILL at a different moment, and the cluster keeps every promise of scaling out: each target
 * probed by one prober at a time and taken over when its prober dies, every target listed and
 * served by every aggregator and by the survivor, one alert episode fired and resolved across the
 * death of the instance deciding it, and final windows that count every probe exactly once.
 */
@ExtendWith(SharedKafka.class)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class ClusterFailoverIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PARTITIONS = 4;
    private static final List<String> TARGETS = IntStream.range(0, 8).mapToObj(i -> "target-" + i).toList();
    /** The one target on its own model, so a fault of that model is an incident of this target alone. */
    private static final String FAULTY = "target-5";
    private static final String FAULTY_MODEL = "sim-large";
    private static final Duration START = Duration.ofMinutes(3);
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final List<Integer> ALL_PARTITIONS = IntStream.range(0, PARTITIONS).boxed().toList();

    private final SimulatedProvider sim = SimulatedProvider.start("127.0.0.1", 0, SimulatedProvider.DEFAULT_MODELS,
            new Pacing(Duration.ofMillis(5), Duration.ofMillis(1)), RandomGenerator.getDefault());
    private final WebhookReceiver receiver = new WebhookReceiver();
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private TopicFeed<ProbeResult> results;
    private TopicFeed<WindowStats> stats;

    /** Kills every process and stops every client, even if one of them fails to stop. */
    @AfterEach
    void stopEverything() throws Exception {
        Exception failure = null;
        for (int i = toClose.size() - 1; i >= 0; i--) {
            try {
                toClose.get(i).close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        receiver.close();
        sim.close();
        if (failure != null) {
            throw failure;
        }
    }

    @Test
    void theClusterKeepsProbingAnsweringAlertingAndCountingAcrossTheLossOfOneInstanceOfEachService(KafkaCluster kafka)
            throws Exception {
        Map<String, String> models = new LinkedHashMap<>();
        TARGETS.forEach(target -> models.put(target, target.equals(FAULTY) ? FAULTY_MODEL : "sim-small"));
        ClusterSpec spec = new ClusterSpec(kafka.bootstrapServers(), kafka.uniqueName("failover"), PARTITIONS,
                sim.baseUrl(), models, Duration.ofSeconds(2), Duration.ofSeconds(15), receiver.url(),
                // Groups notice a killed member after 6 s instead of 10 s: the test stays short.
                Map.of("session.timeout.ms", "6000"));
        Path work = Path.of("target", "cluster-failover", "run-" + System.currentTimeMillis()).toAbsolutePath();
        ServiceCluster cluster = follow(new ServiceCluster(Path.of("..").toAbsolutePath().normalize(), work, spec,
                ServiceProcess.SMALL_JVM));
        cluster.createTopics();
        results = follow(TopicFeed.start(kafka.bootstrapServers(), spec.resultsTopic(),
                new ProbeResultSerde().deserializer()));
        stats = follow(TopicFeed.start(kafka.bootstrapServers(), spec.statsTopic(),
                new WindowStatsSerde().deserializer()));
        List<ServiceProcess> aggregators = List.of(cluster.aggregator("aggregator-a"),
                cluster.aggregator("aggregator-b"));
        List<ServiceProcess> alerters = List.of(cluster.alertConsumer("alert-a"), cluster.alertConsumer("alert-b"));
        List<ServiceProcess> probers = List.of(cluster.prober("prober-1"), cluster.prober("prober-2"),
                cluster.prober("prober-3"));
        ServiceCluster.startAll(cluster.instances(), START);

        Map<String, Set<String>> owners = probersShareTheTargets(probers);
        aggregatorsEachAnswerForEveryTarget(aggregators);
        alertConsumersSplitThePartitions(alerters);
        oneAlertEpisodeOutlivesTheInstanceDecidingIt(alerters, spec.partitionOf(FAULTY));
        List<ServiceProcess> survivors = survivorsTakeOverTheTargetsOfAKilledProber(probers, owners);
        theSurvivingAggregatorServesEveryTargetFresh(aggregators.get(1), aggregators.get(0));

        for (ServiceProcess prober : survivors) {
            prober.stop(Duration.ofSeconds(60));
        }
        long produced = TopicReader.recordCount(kafka.bootstrapServers(), spec.resultsTopic());
        List<ProbeResult> probed = await().atMost(PATIENCE).pollInterval(POLL)
                .until(results::values, all -> all.size() == produced);
        assertNoOverlap(probed);
        finalWindowsCountEveryProbeOnce(spec, probed);
    }

    /** One owner per target in steady state, and the probers' shares add up to every target. */
    private Map<String, Set<String>> probersShareTheTargets(List<ServiceProcess> probers) {
        awaitOwnership(probers);
        Instant steady = Instant.now();
        awaitProbesSince(steady, 3);
        Map<String, Set<String>> owners = probersPerTarget(results.values(), steady);
        assertThat(owners).as("one prober per target in steady state").containsOnlyKeys(TARGETS)
                .allSatisfy((target, ids) -> assertThat(ids).hasSize(1));
        return owners;
    }

    /** Each aggregator holds a share, and each lists and serves every target. */
    private static void aggregatorsEachAnswerForEveryTarget(List<ServiceProcess> aggregators) {
        Instant since = Instant.now();
        await().atMost(PATIENCE).pollInterval(POLL).untilAsserted(() -> {
            List<String> localA = ids(json(aggregators.get(0), "/api/v1/targets?local=true"));
            List<String> localB = ids(json(aggregators.get(1), "/api/v1/targets?local=true"));
            assertThat(localA).as("aggregator-a's share").isNotEmpty().doesNotContainAnyElementsOf(localB);
            assertThat(localB).as("aggregator-b's share").isNotEmpty();
            for (ServiceProcess aggregator : aggregators) {
                JsonNode all = json(aggregator, "/api/v1/targets");
                assertThat(all.isArray()).as("%s lists every target, not a partial answer: %s", aggregator.name(), all)
                        .isTrue();
                assertThat(ids(all)).containsExactlyInAnyOrderElementsOf(TARGETS);
                for (String target : TARGETS) {
                    assertFreshStats(aggregator, target, since);
                }
            }
        });
    }

    private static void alertConsumersSplitThePartitions(List<ServiceProcess> alerters) {
        await().atMost(PATIENCE).pollInterval(POLL).untilAsserted(() -> {
            List<Integer> decidedByA = statsPartitions(alerters.get(0));
            List<Integer> decidedByB = statsPartitions(alerters.get(1));
            assertThat(decidedByA).as("alert-a's share").isNotEmpty().doesNotContainAnyElementsOf(decidedByB);
            assertThat(decidedByB).as("alert-b's share").isNotEmpty();
            assertThat(Stream.concat(decidedByA.stream(), decidedByB.stream()).toList())
                    .containsExactlyInAnyOrderElementsOf(ALL_PARTITIONS);
        });
    }

    /** An incident on one target; the instance deciding it dies in the middle, and the other resolves it. */
    private void oneAlertEpisodeOutlivesTheInstanceDecidingIt(List<ServiceProcess> alerters, int partition)
            throws IOException, InterruptedException {
        sim.setFault(new Fault(FAULTY_MODEL, FaultMode.ERROR, 503, null, 1.0));
        await().atMost(PATIENCE).pollInterval(POLL).until(() -> !deliveries("FIRING").isEmpty());
        ServiceProcess decider = await().atMost(PATIENCE).pollInterval(POLL)
                .until(() -> alerters.stream().filter(alerter -> statsPartitions(alerter).contains(partition))
                        .findFirst(), Optional::isPresent).orElseThrow();
        ServiceProcess otherAlerter = alerters.get(decider == alerters.get(0) ? 1 : 0);
        decider.kill();
        sim.setFault(Fault.healthy(FAULTY_MODEL));
        await().atMost(PATIENCE.multipliedBy(2)).pollInterval(POLL).until(() -> !deliveries("RESOLVED").isEmpty());
        assertThat(statsPartitions(otherAlerter)).as("the survivor decides every stats partition")
                .containsExactlyInAnyOrderElementsOf(ALL_PARTITIONS);
        assertOneEpisode();
    }

    /** The prober owning most targets is killed: survivors probe its targets, one prober per target. */
    private List<ServiceProcess> survivorsTakeOverTheTargetsOfAKilledProber(List<ServiceProcess> probers,
            Map<String, Set<String>> owners) throws InterruptedException {
        ServiceProcess victim = probers.stream().max(Comparator.comparingInt(prober -> owned(prober, owners)))
                .orElseThrow();
        Set<String> orphans = owners.entrySet().stream().filter(entry -> entry.getValue().contains(victim.name()))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        List<ServiceProcess> survivors = probers.stream().filter(prober -> prober != victim).toList();
        Instant killed = victim.kill();
        await().atMost(PATIENCE).pollInterval(POLL).untilAsserted(() -> assertThat(probersPerTarget(results.values(),
                killed)).as("the killed prober's targets, probed again by survivors").containsKeys(
                orphans.toArray(String[]::new)));
        awaitOwnership(survivors);
        Instant steady = Instant.now();
        awaitProbesSince(steady, 3);
        assertThat(probersPerTarget(results.values(), steady)).as("one surviving prober per target")
                .containsOnlyKeys(TARGETS).allSatisfy((target, ids) -> assertThat(ids).hasSize(1)
                        .isSubsetOf(survivors.stream().map(ServiceProcess::name).toList()));
        return survivors;
    }

    /** One aggregator is killed: the other holds every target and lists and serves each with a later probe. */
    private static void theSurvivingAggregatorServesEveryTargetFresh(ServiceProcess victim, ServiceProcess survivor)
            throws InterruptedException {
        Instant killed = victim.kill();
        await().atMost(PATIENCE).pollInterval(POLL).untilAsserted(() -> {
            assertThat(ids(json(survivor, "/api/v1/targets?local=true"))).as("the survivor holds every target")
                    .containsExactlyInAnyOrderElementsOf(TARGETS);
            JsonNode all = json(survivor, "/api/v1/targets");
            assertThat(all.isArray()).as("a complete list: %s", all).isTrue();
            assertThat(ids(all)).containsExactlyInAnyOrderElementsOf(TARGETS);
            all.forEach(target -> assertThat(Instant.parse(target.path("lastProbeAt").asText()))
                    .as("last probe of %s", target.path("targetId").asText()).isAfter(killed));
            for (String target : TARGETS) {
                assertFreshStats(survivor, target, killed);
            }
        });
    }

    /** One result per target far ahead closes every window; each final count equals the results of its window. */
    private void finalWindowsCountEveryProbeOnce(ClusterSpec spec, List<ProbeResult> probed) throws Exception {
        FinalWindows.closeAll(spec);
        Map<FinalWindows.Window, Long> expected = FinalWindows.expected(probed);
        Map<FinalWindows.Window, List<Long>> finals = await().atMost(PATIENCE).pollInterval(POLL)
                .until(() -> FinalWindows.finals(stats.values()),
                        found -> found.keySet().containsAll(expected.keySet()));
        expected.forEach((window, count) -> assertThat(finals.get(window))
                .as("final counts of %s", window).containsExactly(count));
    }

    /** Every prober is up with at least one target, and their shares add up to every target. */
    private static void awaitOwnership(List<ServiceProcess> probers) {
        await().atMost(PATIENCE).pollInterval(POLL).untilAsserted(() -> {
            List<Integer> shares = probers.stream().map(ClusterHealth::ownedTargets).toList();
            assertThat(shares).as("targets owned by %s", probers).allSatisfy(share -> assertThat(share).isPositive());
            assertThat(shares.stream().mapToInt(Integer::intValue).sum()).isEqualTo(TARGETS.size());
        });
    }

    private static int owned(ServiceProcess prober, Map<String, Set<String>> owners) {
        return (int) owners.values().stream().filter(ids -> ids.contains(prober.name())).count();
    }

    private void awaitProbesSince(Instant since, int each) {
        await().atMost(PATIENCE).pollInterval(POLL).untilAsserted(() -> {
            Map<String, Long> counts = results.values().stream()
                    .filter(result -> !result.getStartedAt().isBefore(since))
                    .collect(Collectors.groupingBy(ProbeResult::getTargetId, Collectors.counting()));
            assertThat(TARGETS).as("probes since %s: %s", since, counts)
                    .allSatisfy(target -> assertThat(counts.getOrDefault(target, 0L)).isGreaterThanOrEqualTo(each));
        });
    }

    /** For each target, which probers probed it from {@code since} on. */
    private static Map<String, Set<String>> probersPerTarget(List<ProbeResult> probed, Instant since) {
        return probed.stream().filter(result -> !result.getStartedAt().isBefore(since))
                .collect(Collectors.groupingBy(ProbeResult::getTargetId,
                        Collectors.mapping(ProbeResult::getProberId, Collectors.toCollection(TreeSet::new))));
    }

    /** Over the whole run, two probers' successive probes of one target never overlap in time. */
    private static void assertNoOverlap(List<ProbeResult> probed) {
        Map<String, List<ProbeResult>> byTarget = probed.stream()
                .collect(Collectors.groupingBy(ProbeResult::getTargetId));
        assertThat(byTarget).containsOnlyKeys(TARGETS);
        byTarget.forEach((target, probes) -> {
            List<ProbeResult> ordered = probes.stream().sorted(Comparator.comparing(ProbeResult::getStartedAt))
                    .toList();
            for (int i = 1; i < ordered.size(); i++) {
                ProbeResult before = ordered.get(i - 1);
                ProbeResult after = ordered.get(i);
                if (!before.getProberId().equals(after.getProberId())) {
                    Instant ended = before.getStartedAt().plusMillis(before.getLatencyMs());
                    assertThat(after.getStartedAt()).as("%s probed by %s from %s while %s probed it until %s", target,
                            after.getProberId(), after.getStartedAt(), before.getProberId(), ended)
                            .isAfterOrEqualTo(ended);
                }
            }
        });
    }

    /** A 200 with a bare (not stale) series for {@code target}, whose latest stats saw a probe after {@code since}. */
    private static void assertFreshStats(ServiceProcess aggregator, String target, Instant since) throws IOException {
        ServiceProcess.Reply reply = aggregator.get("/api/v1/targets/" + target + "/stats?window=1m");
        assertThat(reply.status()).as("%s stats of %s: %s", aggregator.name(), target, reply.body()).isEqualTo(200);
        JsonNode series = JSON.readTree(reply.body());
        assertThat(series.isArray()).as("%s: fresh stats of %s, not stale: %s", aggregator.name(), target, series)
                .isTrue();
        assertThat(series).isNotEmpty().allSatisfy(window -> assertThat(window.path("targetId").asText())
                .isEqualTo(target));
        Instant latest = Instant.parse(series.get(series.size() - 1).path("lastProbeAt").asText());
        assertThat(latest).as("%s: latest probe of %s in its stats", aggregator.name(), target).isAfter(since);
    }

    /** The FIRING and RESOLVED of the faulty target: delivered with one alertId and matching Idempotency-Keys. */
    private void assertOneEpisode() throws IOException {
        List<WebhookReceiver.Request> delivered = deliveries(status -> true);
        Set<String> alertIds = new TreeSet<>();
        List<String> statuses = new ArrayList<>();
        for (WebhookReceiver.Request request : delivered) {
            JsonNode body = JSON.readTree(request.body());
            alertIds.add(body.path("alertId").asText());
            statuses.add(body.path("status").asText());
            assertThat(request.header("Idempotency-Key"))
                    .isEqualTo(body.path("alertId").asText() + ":" + body.path("status").asText());
        }
        assertThat(alertIds).as("one alertId for the episode").hasSize(1);
        assertThat(statuses).contains("FIRING", "RESOLVED");
        assertThat(statuses.indexOf("FIRING")).as("FIRING delivered before RESOLVED")
                .isLessThan(statuses.indexOf("RESOLVED"));
    }

    private List<WebhookReceiver.Request> deliveries(String status) throws IOException {
        return deliveries(status::equals);
    }

    /** Delivered alerts of the rule "down" on the faulty target whose status matches. */
    private List<WebhookReceiver.Request> deliveries(Predicate<String> status) throws IOException {
        List<WebhookReceiver.Request> matching = new ArrayList<>();
        for (WebhookReceiver.Request request : receiver.delivered()) {
            JsonNode body = JSON.readTree(request.body());
            if (body.path("rule").asText().equals("down") && body.path("targetId").asText().equals(FAULTY)
                    && status.test(body.path("status").asText())) {
                matching.add(request);
            }
        }
        return matching;
    }

    private static JsonNode json(ServiceProcess service, String path) throws IOException {
        ServiceProcess.Reply reply = service.get(path);
        assertThat(reply.status()).as("%s %s: %s", service.name(), path, reply.body()).isEqualTo(200);
        return JSON.readTree(reply.body());
    }

    private static List<String> ids(JsonNode targets) {
        List<String> ids = new ArrayList<>();
        targets.forEach(target -> ids.add(target.path("targetId").asText()));
        return ids;
    }

    private <T extends AutoCloseable> T follow(T closeable) {
        toClose.add(closeable);
        return closeable;
    }

}
