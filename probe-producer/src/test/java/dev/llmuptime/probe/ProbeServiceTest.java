package dev.llmuptime.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.llmuptime.config.ConfigException;
import dev.llmuptime.config.ConfigLoader;
import dev.llmuptime.local.Pacing;
import dev.llmuptime.local.SimulatedProvider;
import dev.llmuptime.schema.Outcome;
import dev.llmuptime.schema.ProbeResult;
import dev.llmuptime.testkit.KafkaCluster;
import dev.llmuptime.testkit.SharedKafka;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.random.RandomGenerator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The whole prober against the simulated provider and a real Kafka broker. */
@ExtendWith(SharedKafka.class)
class ProbeServiceTest {

    private final SimulatedProvider sim = SimulatedProvider.start("127.0.0.1", 0, SimulatedProvider.DEFAULT_MODELS,
            new Pacing(Duration.ofMillis(5), Duration.ofMillis(1)), RandomGenerator.getDefault());
    private ProbeService service;

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
        sim.close();
    }

    @Test
    void writesEveryResultAsAvroKeyedByTargetAndStampedWithItsStart(KafkaCluster kafka) throws Exception {
        String topic = kafka.uniqueName("llm.probe.results");
        service = ProbeService.start(ServiceFixture.config(kafka.bootstrapServers(), topic, sim.baseUrl(), "250ms"),
                "127.0.0.1", Clock.systemUTC());

        await().atMost(Duration.ofSeconds(30)).until(() -> ServiceFixture.counter(service.opsPort(),
                "llm_probe_results_sent_total") >= 9);
        assertThat(ServiceFixture.get(service.opsPort(), "/health").statusCode()).isEqualTo(200);
        service.close();
        double probed = ServiceFixture.counter(service.opsPort(), "llm_probes_total");

        List<ConsumerRecord<String, ProbeResult>> records = ServiceFixture.readAll(kafka.bootstrapServers(), topic,
                (long) probed);
        assertThat(records).hasSize((int) probed);
        for (ConsumerRecord<String, ProbeResult> record : records) {
            ProbeResult result = record.value();
            assertThat(record.key()).isEqualTo(result.getTargetId());
            assertThat(record.timestamp()).isEqualTo(result.getStartedAt().toEpochMilli());
            assertThat(result.getRegion()).isEqualTo("it");
            assertThat(result.getProberId()).isNotBlank();
            switch (result.getTargetId()) {
                case "stream" -> {
                    assertThat(result.getOutcome()).isEqualTo(Outcome.SUCCESS);
                    assertThat(result.getTtftMs()).isNotNull();
                    assertThat(result.getOutputTokens()).isEqualTo(5);
                    assertThat(result.getRequestId()).startsWith("req_");
                }
                case "chat" -> assertThat(result.getOutcome()).isEqualTo(Outcome.SUCCESS);
                default -> {
                    assertThat(result.getOutcome()).isEqualTo(Outcome.MODEL_UNAVAILABLE);
                    assertThat(result.getErrorCode()).isEqualTo("model_not_found");
                }
            }
        }
        assertThat(records).extracting(ConsumerRecord::key).contains("stream", "chat", "missing");
    }

    @Test
    void servesPrometheusMetrics(KafkaCluster kafka) throws Exception {
        String topic = kafka.uniqueName("llm.probe.results");
        service = ProbeService.start(ServiceFixture.config(kafka.bootstrapServers(), topic, sim.baseUrl(), "250ms"),
                "127.0.0.1", Clock.systemUTC());

        await().atMost(Duration.ofSeconds(30)).until(() -> ServiceFixture.counter(service.opsPort(),
                "llm_probes_total") >= 3);

        String metrics = ServiceFixture.get(service.opsPort(), "/metrics").body();
        assertThat(metrics).contains("llm_probes_total{", "outcome=\"SUCCESS\"", "target=\"stream\"",
                "llm_probe_latency_seconds_bucket{", "llm_probe_ttft_seconds_count{",
                "llm_probe_scheduling_lag_seconds", "jvm_memory_used_bytes");
        assertThat(metrics).doesNotContain("sk-");
    }

    @Test
    void refusesProvidersItCannotProbeYetAndAnEmptyTargetList() {
        ConfigLoader loader = new ConfigLoader(name -> null);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ProbeService.validate(loader.parse("""
                probes:
                  targets:
                    - {id: a, provider: anthropic, model: claude-3-5-haiku-latest}
                """, "m.yaml"))).isInstanceOf(ConfigException.class)
                .hasMessage("probes.targets[0].provider: anthropic is not supported by this version of probe-producer "
                        + "(supported: openai, openai-compatible)");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ProbeService.validate(loader.parse("", "m.yaml")))
                .hasMessage("probes.targets: no targets configured, so there is nothing to probe");
    }
}
