package dev.llmuptime.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.llmuptime.config.ConfigLoader;
import dev.llmuptime.ops.Metrics;
import dev.llmuptime.schema.ProbeResult;
import dev.llmuptime.simulator.Pacing;
import dev.llmuptime.simulator.SimulatedProvider;
import dev.llmuptime.testkit.KafkaCluster;
import dev.llmuptime.testkit.SharedKafka;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Several probers in one process and one region share its targets through the real broker. */
@ExtendWith(SharedKafka.class)
class RegionSharingTest {

    private static final List<String> TARGETS = IntStream.rangeClosed(1, 6).mapToObj(i -> "t" + i).toList();
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final SimulatedProvider sim = SimulatedProvider.start("127.0.0.1", 0, SimulatedProvider.DEFAULT_MODELS,
            // Probes longer than a rebalance: a handover that did not wait for them would overlap the next owner's.
            new Pacing(Duration.ofMillis(1700), Duration.ofMillis(5)), RandomGenerator.getDefault());
    private final List<RunningProber> probers = new ArrayList<>();

    @AfterEach
    void stop() {
        probers.forEach(prober -> prober.service().close());
        sim.close();
    }

    @Test
    void eachTargetHasOneOwnerInItsRegionAndTargetsMoveWhenProbersLeaveAndJoin(KafkaCluster kafka) {
        String topic = kafka.uniqueName("llm.probe.results");
        String region = kafka.uniqueName("shared");
        String elsewhere = kafka.uniqueName("elsewhere");
        RunningProber first = start(kafka, topic, region, "p1");
        RunningProber second = start(kafka, topic, region, "p2");
        RunningProber third = start(kafka, topic, region, "p3");
        RunningProber other = start(kafka, topic, elsewhere, "p4");
        List<RunningProber> sharing = List.of(first, second, third);

        await().atMost(PATIENCE).until(() -> settled(sharing) && other.owned() == TARGETS.size());
        assertThat(health(first)).contains("of 6 targets in region " + region);
        Instant steady = Instant.now();
        awaitProbes(sharing, 30);

        List<ConsumerRecord<String, ProbeResult>> records = readSent(kafka, topic);
        assertThat(probersPerTarget(records, region, steady)).as("one prober per target in the region")
                .containsOnlyKeys(TARGETS).allSatisfy((target, ids) -> assertThat(ids).hasSize(1));
        assertThat(probersPerTarget(records, elsewhere, steady)).as("the other region probes every target")
                .containsOnlyKeys(TARGETS).allSatisfy((target, ids) -> assertThat(ids).containsExactly("p4"));

        first.service().close();
        List<RunningProber> survivors = List.of(second, third);
        await().atMost(PATIENCE).until(() -> settled(survivors));
        Instant afterStop = Instant.now();
        awaitProbes(survivors, 30);

        Map<String, Set<String>> afterwards = probersPerTarget(readSent(kafka, topic), region, afterStop);
        assertThat(afterwards).as("every target still probed, by one survivor each").containsOnlyKeys(TARGETS)
                .allSatisfy((target, ids) -> assertThat(ids).hasSize(1).isSubsetOf("p2", "p3"));

        RunningProber joining = start(kafka, topic, region, "p5");
        List<RunningProber> withNewcomer = List.of(second, third, joining);
        await().atMost(PATIENCE).until(() -> settled(withNewcomer));
        Instant afterJoin = Instant.now();
        awaitProbes(withNewcomer, 30);

        assertThat(probersPerTarget(readSent(kafka, topic), region, afterJoin))
                .as("a prober that joins takes a share, and each target keeps one prober")
                .containsOnlyKeys(TARGETS).allSatisfy((target, ids) -> assertThat(ids).hasSize(1))
                .anySatisfy((target, ids) -> assertThat(ids).containsExactly("p5"));

        List<ProbeResult> everyProbe = readSent(kafka, topic).stream().map(ConsumerRecord::value)
                .filter(result -> result.getRegion().equals(region)).toList();
        assertNoOverlap(everyProbe);
    }

    /** A target changes prober only after the last probe of the one before has ended. */
    private static void assertNoOverlap(List<ProbeResult> probed) {
        probed.stream().collect(Collectors.groupingBy(ProbeResult::getTargetId)).forEach((target, probes) -> {
            List<ProbeResult> ordered = probes.stream().sorted(Comparator.comparing(ProbeResult::getStartedAt))
                    .toList();
            for (int i = 1; i < ordered.size(); i++) {
                ProbeResult before = ordered.get(i - 1);
                ProbeResult after = ordered.get(i);
                Instant ended = before.getStartedAt().plusMillis(before.getLatencyMs());
                assertThat(after.getStartedAt()).as("%s probed by %s from %s while %s probed it until %s", target,
                        after.getProberId(), after.getStartedAt(), before.getProberId(), ended)
                        .isAfterOrEqualTo(ended);
            }
        });
    }

    /** Every prober holds an assignment, has a share, and together they own every target. */
    private static boolean settled(List<RunningProber> sharing) {
        return sharing.stream().allMatch(prober -> prober.owned() >= 1)
                && sharing.stream().mapToDouble(RunningProber::owned).sum() == TARGETS.size()
                && sharing.stream().allMatch(prober -> health(prober).contains("\"status\":\"UP\""));
    }

    private static void awaitProbes(List<RunningProber> sharing, int more) {
        double before = probes(sharing);
        await().atMost(PATIENCE).until(() -> probes(sharing) >= before + more);
    }

    private static double probes(List<RunningProber> sharing) {
        return sharing.stream().mapToDouble(prober -> ServiceFixture.counter(prober.registry(), "llm.probes")).sum();
    }

    private List<ConsumerRecord<String, ProbeResult>> readSent(KafkaCluster kafka, String topic) {
        double sent = probers.stream()
                .mapToDouble(prober -> ServiceFixture.counter(prober.registry(), "llm.probe.results.sent")).sum();
        return ServiceFixture.readAll(kafka.bootstrapServers(), topic, (long) sent);
    }

    /** For each target, which probers of {@code region} probed it from {@code since} on. */
    private static Map<String, Set<String>> probersPerTarget(List<ConsumerRecord<String, ProbeResult>> records,
            String region, Instant since) {
        return records.stream().map(ConsumerRecord::value)
                .filter(result -> result.getRegion().equals(region) && !result.getStartedAt().isBefore(since))
                .collect(Collectors.groupingBy(ProbeResult::getTargetId,
                        Collectors.mapping(ProbeResult::getProberId, Collectors.toCollection(TreeSet::new))));
    }

    private static String health(RunningProber prober) {
        try {
            return ServiceFixture.get(prober.service().opsPort(), "/health").body();
        } catch (Exception e) {
            return e.toString();
        }
    }

    private RunningProber start(KafkaCluster kafka, String topic, String region, String proberId) {
        String targets = TARGETS.stream().map(id -> "    - {id: %s, provider: openai-compatible, base-url: \"%s\", "
                .formatted(id, sim.baseUrl()) + "model: sim-small, check: chat, interval: 2s}\n")
                .collect(Collectors.joining());
        String yaml = """
                kafka:
                  bootstrap-servers: %s
                  topics: {probe-results: %s}
                  partitions: 2
                probes:
                  region: %s
                  prober-id: %s
                  http-port: 0
                  targets:
                """.formatted(kafka.bootstrapServers(), topic, region, proberId) + targets;
        PrometheusMeterRegistry registry = Metrics.newRegistry("probe-producer");
        ProbeService service = new ProbeService(new ConfigLoader(name -> null).parse(yaml, proberId + ".yaml"),
                "127.0.0.1", Clock.systemUTC(), registry);
        service.start();
        RunningProber prober = new RunningProber(service, registry);
        probers.add(prober);
        return prober;
    }

    private record RunningProber(ProbeService service, PrometheusMeterRegistry registry) {

        double owned() {
            return registry.get("llm.probe.owned.targets").gauge().value();
        }
    }
}
