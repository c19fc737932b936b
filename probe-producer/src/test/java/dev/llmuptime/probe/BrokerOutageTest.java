package dev.llmuptime.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.llmuptime.embedded.kafka.EmbeddedKafkaBroker;
import dev.llmuptime.embedded.kafka.FreePort;
import dev.llmuptime.simulator.Pacing;
import dev.llmuptime.ops.Metrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import dev.llmuptime.simulator.SimulatedProvider;
import dev.llmuptime.schema.ProbeResult;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The prober starts before its broker, then the broker goes away and comes back: every result
 * reaches Kafka exactly once, in order per target. Probing waits for the first assignment, and goes
 * on through the outage with the targets owned when it began. This test runs its own broker, since
 * it stops it.
 */
class BrokerOutageTest {

    @TempDir
    Path kafkaData;
    private final PrometheusMeterRegistry registry = Metrics.newRegistry("probe-producer");

    @Test
    void everyResultArrivesOnceAndInOrderAcrossALateStartAndAnOutage() throws Exception {
        int port = FreePort.pick();
        String bootstrap = "localhost:" + port;
        try (SimulatedProvider sim = SimulatedProvider.start("127.0.0.1", 0, SimulatedProvider.DEFAULT_MODELS,
                new Pacing(Duration.ofMillis(2), Duration.ofMillis(1)), RandomGenerator.getDefault())) {
            ProbeService service = new ProbeService(ServiceFixture.config(bootstrap, "llm.probe.results",
                    sim.baseUrl(), "100ms"), "127.0.0.1", Clock.systemUTC(), registry);
            try {
                service.start();
                int ops = service.opsPort();
                // No broker yet: no assignment, so no probing; /health says why it is not ready.
                await().atMost(Duration.ofSeconds(30)).until(() -> ServiceFixture.get(ops, "/health").body()
                        .contains("not reachable"));
                assertThat(ServiceFixture.get(ops, "/health").statusCode()).isEqualTo(503);
                assertThat(ServiceFixture.counter(registry, "llm.probes")).isZero();

                EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(kafkaData, port);
                await().atMost(Duration.ofSeconds(60)).until(() -> ServiceFixture.get(ops, "/health").statusCode() == 200);
                assertThat(ServiceFixture.get(ops, "/health").body()).contains("owns 3 of 3 targets in region it");
                double sentBeforeOutage = ServiceFixture.counter(registry, "llm.probe.results.sent");
                await().atMost(Duration.ofSeconds(30)).until(() ->
                        ServiceFixture.counter(registry, "llm.probe.results.sent") > sentBeforeOutage + 10);

                broker.close();
                double probedAtOutage = ServiceFixture.counter(registry, "llm.probes");
                await().atMost(Duration.ofSeconds(30)).until(() ->
                        ServiceFixture.counter(registry, "llm.probes") >= probedAtOutage + 30);

                try (EmbeddedKafkaBroker back = EmbeddedKafkaBroker.start(kafkaData, port)) {
                    await().atMost(Duration.ofSeconds(60)).until(() -> ServiceFixture.counter(registry, "llm.probe.results.sent") >= ServiceFixture.counter(registry, "llm.probes") - 5);
                    service.close();
                    double probed = ServiceFixture.counter(registry, "llm.probes");
                    assertThat(ServiceFixture.counter(registry, "llm.probe.results.dropped")).isZero();

                    List<ConsumerRecord<String, ProbeResult>> records = ServiceFixture.readAll(back.bootstrapServers(),
                            "llm.probe.results", (long) probed);

                    assertThat(records).hasSize((int) probed);
                    assertThat(new HashSet<>(records.stream().map(r -> r.value().getProbeId()).toList()))
                            .hasSize(records.size());
                    Map<String, Instant> lastStart = new HashMap<>();
                    for (ConsumerRecord<String, ProbeResult> record : records) {
                        Instant previous = lastStart.put(record.key(), record.value().getStartedAt());
                        if (previous != null) {
                            assertThat(record.value().getStartedAt()).as("order of %s", record.key())
                                    .isAfter(previous);
                        }
                    }
                }
            } finally {
                service.close();
            }
        }
    }
}
