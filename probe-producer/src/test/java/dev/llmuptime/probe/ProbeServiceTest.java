package dev.llmuptime.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.llmuptime.config.ConfigException;
import dev.llmuptime.config.ConfigLoader;
import dev.llmuptime.config.MonitorConfig;
import dev.llmuptime.simulator.Pacing;
import dev.llmuptime.ops.Metrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import dev.llmuptime.simulator.SimulatedProvider;
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
    private final PrometheusMeterRegistry registry = Metrics.newRegistry("probe-producer");

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
        // A probe's timeout is at most its interval: 1 s, so that a loaded machine does not turn answers into TIMEOUTs.
        service = new ProbeService(ServiceFixture.config(kafka.bootstrapServers(), topic, sim.baseUrl(), "1s"),
                "127.0.0.1", Clock.systemUTC(), registry);
        service.start();

        await().atMost(Duration.ofSeconds(30)).until(() -> ServiceFixture.counter(registry, "llm.probe.results.sent") >= 9);
        assertThat(ServiceFixture.get(service.opsPort(), "/health").statusCode()).isEqualTo(200);
        service.close();
        double probed = ServiceFixture.counter(registry, "llm.probes");

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
    void servesPrometheusMetricsAndNeverShowsTheKey(KafkaCluster kafka) throws Exception {
        String topic = kafka.uniqueName("llm.probe.results");
        String metrics;
        List<String> lines;
        try (LogLines logs = LogLines.capture()) {
            service = new ProbeService(ServiceFixture.config(kafka.bootstrapServers(), topic, sim.baseUrl(), "250ms"),
                    "127.0.0.1", Clock.systemUTC(), registry);
            service.start();
            // The TTFT of a streamed answer is recorded after the probe is counted: wait for both.
            metrics = await().atMost(Duration.ofSeconds(30)).until(
                    () -> ServiceFixture.get(service.opsPort(), "/metrics").body(),
                    body -> ServiceFixture.counter(registry, "llm.probes") >= 3
                            && body.contains("llm_probe_ttft_seconds_count{"));
            service.close();
            lines = logs.lines();
        }

        assertThat(metrics).contains("llm_probes_total{", "outcome=\"SUCCESS\"", "target=\"stream\"",
                "llm_probe_latency_seconds_bucket{", "llm_probe_ttft_seconds_count{",
                "llm_probe_scheduling_lag_seconds", "jvm_memory_used_bytes");
        assertThat(metrics).doesNotContain(ServiceFixture.API_KEY).doesNotContain("sk-")
                .doesNotContain(ServiceFixture.HEADER_SECRET);
        assertThat(lines).anyMatch(line -> line.contains("Expected token use"))
                .noneMatch(line -> line.contains(ServiceFixture.API_KEY) || line.contains(ServiceFixture.HEADER_SECRET));
    }

    @Test
    void aTokenBudgetStretchesTheIntervalsItIsStartedWith(KafkaCluster kafka) throws Exception {
        // 21 tokens a probe, 259,200 probes in 30 days and 43,200 more in a day-long outage: half of that.
        MonitorConfig config = new ConfigLoader(name -> null).parse("""
                kafka: {bootstrap-servers: "%s", topics: {probe-results: %s}, partitions: 2}
                probes:
                  region: it
                  http-port: 0
                  token-budget: 3175200
                  targets:
                    - {id: chat, provider: openai-compatible, base-url: "%s", model: sim-small, check: chat, interval: 10s}
                    - {id: list, provider: openai-compatible, base-url: "%s", model: sim-small, check: models, interval: 10s}
                """.formatted(kafka.bootstrapServers(), kafka.uniqueName("llm.probe.results"), sim.baseUrl(),
                sim.baseUrl()), "test.yaml");
        String metrics;
        List<String> lines;
        try (LogLines logs = LogLines.capture()) {
            service = new ProbeService(config, "127.0.0.1", Clock.systemUTC(), registry);
            service.start();
            metrics = ServiceFixture.get(service.opsPort(), "/metrics").body();
            lines = logs.lines();
        }

        assertThat(registry.get("llm.probe.budget.stretch").gauge().value()).isEqualTo(2.0);
        assertThat(metrics).contains("llm_probe_budget_stretch");
        assertThat(lines).filteredOn(line -> line.contains("stretched 2.00x")).hasSize(1);
        assertThat(lines).anyMatch(line -> line.startsWith("  chat:") && line.contains("every 20s"))
                .anyMatch(line -> line.startsWith("  list:") && line.contains("every 10s"));
    }

    @Test
    void refusesAnEmptyTargetListButNoProvider() {
        ConfigLoader loader = new ConfigLoader(name -> null);

        assertThatThrownBy(() -> ProbeService.validate(loader.parse("", "m.yaml")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("probes.targets: no targets configured, so there is nothing to probe");
        ProbeService.validate(loader.parse("""
                probes:
                  targets:
                    - {id: a, provider: anthropic, model: claude-3-5-haiku-latest}
                    - {id: b, provider: azure-openai, base-url: "https://r.openai.azure.com", deployment: d, model: m}
                    - {id: c, provider: gemini, model: gemini-2.0-flash}
                """, "m.yaml"));
    }
}
