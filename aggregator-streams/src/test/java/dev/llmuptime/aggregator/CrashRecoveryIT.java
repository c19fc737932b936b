package dev.llmuptime.aggregator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.llmuptime.schema.Outcome;
import dev.llmuptime.schema.ProbeResult;
import dev.llmuptime.schema.ProbeResultSerde;
import dev.llmuptime.schema.WindowStats;
import dev.llmuptime.schema.WindowStatsSerde;
import dev.llmuptime.testkit.KafkaCluster;
import dev.llmuptime.testkit.SharedKafka;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged aggregator is killed (SIGKILL) in the middle of a stream and started again: the
 * final stats count every probe exactly once, and each final record is the one the same topology
 * emits for the same results without a crash. Open windows live in memory between commits, so
 * this is what proves that each commit covers exactly what is in the changelogs.
 */
@ExtendWith(SharedKafka.class)
class CrashRecoveryIT {

    private static final int RESULTS = 60_000;
    private static final long SPACING_MS = 30;
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path work;

    @Test
    void finalStatsAreThoseOfARunWithoutACrash(KafkaCluster kafka) throws Exception {
        String results = kafka.uniqueName("llm.probe.results");
        String stats = results + ".stats";
        kafka.createTopics(1, results, stats, results + ".dlq");
        Path config = work.resolve("monitor.yaml");
        String yaml = """
                kafka:
                  bootstrap-servers: %s
                  topics: {probe-results: %s, stats: %s}
                  partitions: 1
                  client: {application.id: %s-app, state.dir: "%s", session.timeout.ms: 6000}
                aggregation:
                  windows: [1m, 5m]
                  grace: 1s
                  http-port: 0
                """.formatted(kafka.bootstrapServers(), results, stats, results, work.resolve("state"));
        Files.writeString(config, yaml);

        // Half an hour of probes of two regions, 33 per second of event time, ending a minute ago (long
        // enough for the kill to come while the backlog is processed); then one result far ahead,
        // which moves stream time past every window, so all of them close.
        Instant start = Instant.now().minus(Duration.ofMillis(RESULTS * SPACING_MS)).minus(Duration.ofMinutes(1))
                .truncatedTo(ChronoUnit.MINUTES);
        List<ProbeResult> stream = new ArrayList<>();
        for (int i = 0; i < RESULTS; i++) {
            stream.add(StatsTopologyTest.result("t", i % 3 == 0 ? "us" : "eu", start.plusMillis(i * SPACING_MS),
                    i % 7 == 0 ? Outcome.TIMEOUT : Outcome.SUCCESS, 100L + i % 50, 20L + i % 30));
        }
        Instant later = start.plus(Duration.ofMillis(RESULTS * SPACING_MS)).plus(Duration.ofMinutes(2));
        ProbeResult ahead = StatsTopologyTest.result("t", "eu", later, Outcome.SUCCESS, 100L, null);
        Map<WindowKey, WindowStats> expected = withoutACrash(yaml, results, stats, stream, ahead);
        assertThat(expected.keySet()).extracting(WindowKey::windowSize).contains(60_000L, 300_000L);
        send(kafka, results, stream);

        Process first = start(config, "first.log");
        List<WindowStats> seen = new ArrayList<>();
        try (KafkaConsumer<String, WindowStats> consumer = consumer(kafka, stats)) {
            await().atMost(Duration.ofSeconds(90)).until(() -> {
                consumer.poll(Duration.ofMillis(50)).forEach(record -> seen.add(record.value()));
                return seen.stream().anyMatch(WindowStats::getFinal$);
            });
        }
        first.destroyForcibly();
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(seen.stream().filter(WindowStats::getFinal$).count())
                .as("killed in the middle of the stream").isLessThan(expected.size());

        Process second = start(config, "second.log");
        try {
            send(kafka, results, List.of(ahead));
            Map<WindowKey, List<WindowStats>> finals = new HashMap<>();
            try (KafkaConsumer<String, WindowStats> consumer = consumer(kafka, stats)) {
                await().atMost(Duration.ofSeconds(120)).until(() -> {
                    consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                        if (record.value().getFinal$()) {
                            finals.computeIfAbsent(key(record.value()), k -> new ArrayList<>())
                                    .add(withoutEmittedAt(record.value()));
                        }
                    });
                    return finals.keySet().containsAll(expected.keySet());
                });
            }
            for (Map.Entry<WindowKey, WindowStats> window : expected.entrySet()) {
                assertThat(finals.get(window.getKey())).as("final stats of %s", window.getKey())
                        .containsExactly(window.getValue());
            }
        } finally {
            second.destroy();
            second.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** The final stats of every window that the topology emits for {@code stream}, driven without a crash. */
    private static Map<WindowKey, WindowStats> withoutACrash(String yaml, String resultsTopic, String statsTopic,
            List<ProbeResult> stream, ProbeResult ahead) {
        Map<WindowKey, WindowStats> finals = new HashMap<>();
        try (TopologyTestDriver driver = TopologyDrivers.start(yaml, new SimpleMeterRegistry(), Instant.now())) {
            TestInputTopic<String, ProbeResult> input = driver.createInputTopic(resultsTopic, new StringSerializer(),
                    new ProbeResultSerde().serializer());
            TestOutputTopic<String, WindowStats> output = driver.createOutputTopic(statsTopic, new StringDeserializer(),
                    new WindowStatsSerde().deserializer());
            for (ProbeResult result : stream) {
                input.pipeInput(result.getTargetId(), result, result.getStartedAt());
            }
            input.pipeInput(ahead.getTargetId(), ahead, ahead.getStartedAt());
            output.readValuesToList().stream().filter(WindowStats::getFinal$)
                    .forEach(window -> finals.put(key(window), withoutEmittedAt(window)));
        }
        return finals;
    }

    private static WindowKey key(WindowStats window) {
        return new WindowKey(window.getTargetId(), window.getRegion(), window.getWindowSize(),
                window.getWindowStart().toEpochMilli());
    }

    /** The record without the one field that tells when it was sent. */
    private static WindowStats withoutEmittedAt(WindowStats window) {
        return WindowStats.newBuilder(window).setEmittedAt(Instant.EPOCH).build();
    }

    private static void send(KafkaCluster kafka, String topic, List<ProbeResult> stream) {
        try (KafkaProducer<String, ProbeResult> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                kafka.bootstrapServers(), "linger.ms", 20), new StringSerializer(), new ProbeResultSerde().serializer())) {
            for (ProbeResult result : stream) {
                producer.send(new ProducerRecord<>(topic, null, result.getStartedAt().toEpochMilli(),
                        result.getTargetId(), result));
            }
            producer.flush();
        }
    }

    private Process start(Path config, String log) throws IOException {
        Path jar = Path.of("target", "aggregator-streams.jar").toAbsolutePath();
        return new ProcessBuilder(JAVA, "-jar", jar.toString(), "--config", config.toString())
                .directory(work.toFile()).redirectErrorStream(true).redirectOutput(work.resolve(log).toFile()).start();
    }

    private static KafkaConsumer<String, WindowStats> consumer(KafkaCluster kafka, String topic) {
        KafkaConsumer<String, WindowStats> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers",
                kafka.bootstrapServers(), "group.id", topic + "-" + System.nanoTime(), "auto.offset.reset", "earliest",
                "isolation.level", "read_committed"), new StringDeserializer(), new WindowStatsSerde().deserializer());
        consumer.subscribe(Set.of(topic));
        return consumer;
    }
}
