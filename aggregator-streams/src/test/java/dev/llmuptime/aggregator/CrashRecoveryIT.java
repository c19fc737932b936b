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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged aggregator is killed (SIGKILL) in the middle of a stream and started again: the
 * final stats count every probe exactly once.
 */
@ExtendWith(SharedKafka.class)
class CrashRecoveryIT {

    private static final int RESULTS = 20_000;
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path work;

    @Test
    void finalStatsCountEveryProbeOnceAcrossAKill(KafkaCluster kafka) throws Exception {
        String results = kafka.uniqueName("llm.probe.results");
        String stats = results + ".stats";
        kafka.createTopics(1, results, stats, results + ".dlq");
        Path config = work.resolve("monitor.yaml");
        Files.writeString(config, """
                kafka:
                  bootstrap-servers: %s
                  topics: {probe-results: %s, stats: %s}
                  partitions: 1
                  client: {application.id: %s-app, state.dir: "%s", session.timeout.ms: 6000}
                aggregation:
                  windows: [1m]
                  grace: 1s
                  http-port: 0
                """.formatted(kafka.bootstrapServers(), results, stats, results, work.resolve("state")));

        // Ten minutes of probes, 33 per second of event time, ending a minute ago.
        Instant start = Instant.now().minus(Duration.ofMinutes(11)).truncatedTo(ChronoUnit.MINUTES);
        Map<Instant, Long> expected = new HashMap<>();
        try (KafkaProducer<String, ProbeResult> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                kafka.bootstrapServers(), "linger.ms", 20), new StringSerializer(), new ProbeResultSerde().serializer())) {
            for (int i = 0; i < RESULTS; i++) {
                Instant at = start.plusMillis(i * 30L);
                ProbeResult result = StatsTopologyTest.result("t", "eu", at, i % 7 == 0 ? Outcome.TIMEOUT : Outcome.SUCCESS,
                        100L + i % 50, null);
                producer.send(new ProducerRecord<>(results, null, at.toEpochMilli(), "t", result));
                expected.merge(at.truncatedTo(ChronoUnit.MINUTES), 1L, Long::sum);
            }
            producer.flush();
        }

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
        assertThat(seen.stream().filter(w -> w.getFinal$() && w.getRegion().equals("*")).count())
                .as("killed in the middle of the stream").isLessThan(expected.size());

        Process second = start(config, "second.log");
        try {
            // One result far ahead moves stream time past every window, so all of them close.
            try (KafkaProducer<String, ProbeResult> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                    kafka.bootstrapServers()), new StringSerializer(), new ProbeResultSerde().serializer())) {
                Instant later = start.plus(Duration.ofMinutes(12));
                producer.send(new ProducerRecord<>(results, null, later.toEpochMilli(), "t",
                        StatsTopologyTest.result("t", "eu", later, Outcome.SUCCESS, 100L, null))).get();
            }
            Map<Instant, List<Long>> finals = new HashMap<>();
            try (KafkaConsumer<String, WindowStats> consumer = consumer(kafka, stats)) {
                await().atMost(Duration.ofSeconds(120)).until(() -> {
                    consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                        WindowStats window = record.value();
                        if (window.getFinal$() && window.getRegion().equals("*")) {
                            finals.computeIfAbsent(window.getWindowStart(), k -> new ArrayList<>()).add(window.getCount());
                        }
                    });
                    return finals.keySet().containsAll(expected.keySet());
                });
            }
            for (Map.Entry<Instant, Long> window : expected.entrySet()) {
                assertThat(finals.get(window.getKey())).as("final stats of the window at %s", window.getKey())
                        .containsExactly(window.getValue());
            }
        } finally {
            second.destroy();
            second.waitFor(30, TimeUnit.SECONDS);
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
