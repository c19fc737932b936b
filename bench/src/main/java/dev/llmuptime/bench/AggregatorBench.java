package dev.llmuptime.bench;

import dev.llmuptime.config.TopicsConfig;
import dev.llmuptime.schema.Outcome;
import dev.llmuptime.schema.ProbeResult;
import dev.llmuptime.schema.ProbeResultSerde;
import dev.llmuptime.schema.WindowStats;
import dev.llmuptime.schema.WindowStatsSerde;
import dev.llmuptime.testkit.ProbeResults;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * One run of the aggregator benchmark against a running broker:
 * {@code aggregator-bench BOOTSTRAP AGGREGATOR_JAR WORK_DIR RESULTS TARGETS}.
 * <ol>
 * <li>writes RESULTS synthetic probe results of TARGETS targets in two regions, as fast as possible;
 * <li>reads them back with a plain consumer that only decodes them: the ceiling;
 * <li>runs {@link WindowedCountReference} (a plain exactly-once windowed count, a process of this
 * jar) over them and measures the rate at which its committed offsets advance: the reference;
 * <li>then starts the aggregator jar (windows 1m, 5m, 1h) and measures the rate at which its
 * committed offsets advance through the backlog;
 * <li>then sends a trickle of fresh results and measures, for each, the delay from its
 * acknowledged append to the arrival of its live stats record (read_committed).
 * </ol>
 * The environment variable {@code AGGREGATOR_JAVA_OPTIONS} (say, a flight recording) goes to the
 * aggregator's JVM.
 */
final class AggregatorBench {

    private static final Operand AGGREGATOR_JAR = Operand.required("AGGREGATOR_JAR", "aggregator-streams.jar to run");
    private static final Operand RESULTS = Operand.required("RESULTS", "number of synthetic probe results");
    private static final Operand TARGETS = Operand.required("TARGETS", "number of targets they are spread over");

    static final Subcommand COMMAND = new Subcommand("aggregator-bench",
            "Measures aggregator-streams on a backlog of RESULTS probe results against a plain consumer, and the "
                    + "delay to live stats.",
            List.of(Operand.BOOTSTRAP, AGGREGATOR_JAR, Operand.WORK_DIR, RESULTS, TARGETS),
            (arguments, out) -> run(arguments.text(Operand.BOOTSTRAP), arguments.path(AGGREGATOR_JAR),
                    arguments.path(Operand.WORK_DIR), arguments.wholeNumber(RESULTS, 1), arguments.wholeNumber(TARGETS, 1), out));

    private AggregatorBench() {
    }

    private static void run(String bootstrap, Path jar, Path work, int count, int targets, PrintStream out)
            throws Exception {
        String run = Long.toString(System.currentTimeMillis());
        String results = "bench.agg.results." + run;
        String stats = "bench.agg.stats." + run;
        String counts = "bench.agg.counts." + run;
        String applicationId = "bench-agg-" + run;
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(results, 6, (short) 1), new NewTopic(stats, 6, (short) 1),
                    new NewTopic(counts, 6, (short) 1),
                    new NewTopic(TopicsConfig.deadLetterTopic(results), 1, (short) 1))).all().get();
        }

        double produceRate = produce(bootstrap, results, count, targets);
        double decodeRate = decodeAll(bootstrap, results, count);

        double countRate = windowedCountRate(bootstrap, results, counts, work, run, count);

        Path config = work.resolve("aggregator-" + run + ".yaml");
        Files.writeString(config, new RunConfigYaml().serviceConfig(ServiceConfigs.aggregator(bootstrap, results, stats,
                applicationId, work.resolve("state-" + run))));
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(javaOptions(System.getenv("AGGREGATOR_JAVA_OPTIONS")));
        command.addAll(List.of("-jar", jar.toString(), "--config", config.toString()));
        Process aggregator = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("aggregator-" + run + ".log").toFile()).start();
        try {
            double aggregateRate = committedRate(bootstrap, applicationId, results, count);
            List<Long> delays = appendToStatsDelays(bootstrap, results, stats, targets);
            Collections.sort(delays);
            out.printf("results=%d targets=%d produce_per_s=%.0f plain_consumer_decode_per_s=%.0f "
                            + "plain_windowed_count_per_s=%.0f aggregator_per_s=%.0f aggregator_share_of_ceiling=%.2f "
                            + "aggregator_vs_windowed_count=%.2f live_stats_delay_ms_p50=%d live_stats_delay_ms_p99=%d "
                            + "delay_samples=%d%n", count, targets, produceRate, decodeRate, countRate, aggregateRate,
                    aggregateRate / decodeRate, aggregateRate / countRate, Percentile.of(delays, 0.5),
                    Percentile.of(delays, 0.99), delays.size());
        } finally {
            aggregator.destroy();
            aggregator.waitFor(60, TimeUnit.SECONDS);
        }
    }

    /** Runs the plain windowed count over the backlog in its own JVM, as the aggregator runs, and returns its rate. */
    private static double windowedCountRate(String bootstrap, String results, String output, Path work, String run,
            int count) throws Exception {
        String applicationId = "bench-count-" + run;
        Path benchJar = Path.of(AggregatorBench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Process reference = new ProcessBuilder("java", "-jar", benchJar.toString(), WindowedCountReference.COMMAND.name(),
                bootstrap, results, output, applicationId, work.resolve("count-state-" + run).toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("count-" + run + ".log").toFile()).start();
        try {
            return committedRate(bootstrap, applicationId, results, count);
        } finally {
            reference.destroy();
            reference.waitFor(60, TimeUnit.SECONDS);
        }
    }

    private static List<String> javaOptions(String options) {
        return options == null || options.isBlank() ? List.of() : List.of(options.trim().split("\\s+"));
    }

    private static double produce(String bootstrap, String topic, int count, int targets) throws Exception {
        Instant start = Instant.now().minus(Duration.ofMinutes(30));
        long started = System.nanoTime();
        try (KafkaProducer<String, ProbeResult> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap,
                "linger.ms", 20, "batch.size", 262_144, "acks", "all"), new StringSerializer(),
                new ProbeResultSerde().serializer())) {
            for (int i = 0; i < count; i++) {
                String target = "t" + (i % targets);
                Instant at = start.plusMillis(i * (30L * 60_000) / count);
                producer.send(new ProducerRecord<>(topic, null, at.toEpochMilli(), target,
                        result(target, i % 2 == 0 ? "eu" : "us", at, i)));
            }
            producer.flush();
        }
        return count / ((System.nanoTime() - started) / 1e9);
    }

    private static double decodeAll(String bootstrap, String topic, int count) {
        ProbeResultSerde serde = new ProbeResultSerde();
        long started = System.nanoTime();
        int decoded = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap,
                "group.id", "bench-plain-" + topic, "auto.offset.reset", "earliest", "max.poll.records", 5000),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(Set.of(topic));
            while (decoded < count) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (serde.deserializer().deserialize(topic, record.value()) != null) {
                        decoded++;
                    }
                }
            }
        }
        return count / ((System.nanoTime() - started) / 1e9);
    }

    /** Records per second from the first committed progress of {@code group} to the end of the backlog. */
    private static double committedRate(String bootstrap, String group, String topic, int count) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            long firstProgressNanos = 0;
            long committedAtFirst = 0;
            while (true) {
                long committed = committed(admin, group, topic);
                if (firstProgressNanos == 0 && committed > 0) {
                    firstProgressNanos = System.nanoTime();
                    committedAtFirst = committed;
                }
                if (committed >= count) {
                    return (count - committedAtFirst) / ((System.nanoTime() - firstProgressNanos) / 1e9);
                }
                Thread.sleep(100);
            }
        }
    }

    private static long committed(Admin admin, String group, String topic) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get();
        return offsets.entrySet().stream().filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                .mapToLong(e -> e.getValue().offset()).sum();
    }

    /** Sends 20 fresh results a second for 30 s, each to another target, and times its live stats record. */
    private static List<Long> appendToStatsDelays(String bootstrap, String results, String stats, int targets)
            throws Exception {
        Map<String, Long> ackedAt = new ConcurrentHashMap<>();
        List<Long> delays = Collections.synchronizedList(new ArrayList<>());
        try (KafkaConsumer<String, WindowStats> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap,
                "group.id", "bench-stats-" + stats, "auto.offset.reset", "latest", "isolation.level", "read_committed"),
                new StringDeserializer(), new WindowStatsSerde().deserializer());
             KafkaProducer<String, ProbeResult> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap,
                     "acks", "all"), new StringSerializer(), new ProbeResultSerde().serializer())) {
            consumer.subscribe(Set.of(stats));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            for (var partition : consumer.assignment()) {
                consumer.position(partition);
            }
            long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            int sent = 0;
            long nextSend = System.nanoTime();
            while (System.nanoTime() < end) {
                if (System.nanoTime() >= nextSend) {
                    String target = "t" + (sent % targets);
                    Instant now = Instant.now();
                    ProbeResult result = result(target, "eu", now, sent);
                    producer.send(new ProducerRecord<>(results, null, now.toEpochMilli(), target, result),
                            (metadata, failure) -> ackedAt.put(target + "@" + now.toEpochMilli(), System.nanoTime()));
                    sent++;
                    nextSend += 50_000_000L;
                }
                for (ConsumerRecord<String, WindowStats> record : consumer.poll(Duration.ofMillis(5))) {
                    WindowStats window = record.value();
                    if (window.getRegion().equals("*") && window.getWindowSize() == 60_000) {
                        Long acked = ackedAt.remove(window.getTargetId() + "@" + window.getLastProbeAt().toEpochMilli());
                        if (acked != null) {
                            delays.add((System.nanoTime() - acked) / 1_000_000);
                        }
                    }
                }
            }
        }
        return delays;
    }

    private static ProbeResult result(String target, String region, Instant at, int i) {
        Outcome outcome = i % 50 == 0 ? Outcome.TIMEOUT : Outcome.SUCCESS;
        return ProbeResults.of(target, at, outcome).setProvider("openai-compatible").setModel("sim-small")
                .setCheck("chat-stream").setRegion(region).setProberId("bench").setLatencyMs(200 + i % 700)
                .setTtftMs(outcome == Outcome.SUCCESS ? 100L + i % 300 : null).setOutputTokens(5)
                .setTokensPerSecond(40.0 + i % 20).build();
    }
}
