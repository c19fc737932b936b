package dev.llmuptime.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.llmuptime.embedded.kafka.FreePort;
import dev.llmuptime.testkit.TopicReader;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The packaged jars start, answer --help and --version, and reject bad input with exit code 2;
 * local-stack keeps Kafka's warnings in a log file, off the console.
 */
class RunnableJarsIT {

    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path workDir;

    @ParameterizedTest
    @ValueSource(strings = {"probe-producer", "aggregator-streams", "alert-consumer", "local-stack"})
    void versionAndHelp(String service) throws Exception {
        Run version = run(service, "--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.stdout()).matches(service + " \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\n");

        Run help = run(service, "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.stdout()).startsWith("Usage: java -jar " + service + ".jar").contains("--config FILE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"probe-producer", "aggregator-streams", "alert-consumer"})
    void badConfigExitsTwoWithOneLineNamingTheKey(String service) throws Exception {
        Files.writeString(workDir.resolve("monitor.yaml"), "probes:\n  targets:\n    - {id: a, model: m, intervall: 5s}\n");

        Run run = run(service);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).isEqualTo(service + ": monitor.yaml:3: unknown key 'intervall' in probes.targets[0] "
                + "(did you mean 'interval'?); expected one of api-key, api-version, base-url, breaker-max-interval, "
                + "check, confirm-after, deployment, expect, failing-interval, headers, id, interval, max-backoff, "
                + "max-tokens, model, optional, prompt, provider, timeout\n");
    }

    @Test
    void alertConsumerRejectsABadRuleConditionWithItsPosition() throws Exception {
        Files.writeString(workDir.resolve("monitor.yaml"),
                "alerts:\n  rules:\n    - {name: slow, condition: \"latency.p95 > fast\"}\n");

        Run run = run("alert-consumer");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).isEqualTo("alert-consumer: alerts.rules[0] (slow).condition: 'latency.p95 > fast' at "
                + "position 15: 'fast' is not a number\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"probe-producer", "local-stack"})
    void unknownArgumentExitsTwo(String service) throws Exception {
        Run run = run(service, "--kafka-onyl");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).startsWith(service + ": unknown option '--kafka-onyl'").endsWith("; see --help\n");
    }

    @Test
    void aTakenPortExitsTwoWithOneLineNamingTheOption() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            Run run = run("local-stack", "--kafka-only", "--kafka-port", String.valueOf(port));

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.stderr()).isEqualTo("local-stack: Kafka port " + port
                    + " is in use (is another local-stack running? choose another with --kafka-port N)\n");
        }
    }

    @Test
    void kafkaOnlyServesABrokerThatAPlainClientCanUse() throws Exception {
        int port = FreePort.pick();
        Process stack = start("local-stack", "--kafka-only", "--kafka-port", String.valueOf(port));
        try {
            String bootstrap = "localhost:" + port;
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
                try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
                    admin.createTopics(List.of(new NewTopic("plain", 1, (short) 1))).all().get();
                    return true;
                }
            });
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap),
                    new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("plain", "k", "hello")).get();
            }
            List<ConsumerRecord<String, String>> records = TopicReader.readUntil(bootstrap, "plain",
                    new StringDeserializer(), new StringDeserializer(), 1, Duration.ofSeconds(30));
            assertThat(records).extracting(ConsumerRecord::value).containsExactly("hello");
        } finally {
            stack.destroy();
            assertThat(stack.waitFor(60, TimeUnit.SECONDS)).as("local-stack stops on SIGTERM").isTrue();
        }
        assertThat(workDir.resolve(".local-data/kafka/meta.properties")).exists();
    }

    @Test
    void localStackKeepsKafkasWarningsOffTheConsoleInALogFileItNames() throws Exception {
        int kafkaPort = FreePort.pick();
        int simulatorPort = FreePort.pick();
        Files.writeString(workDir.resolve("monitor.yaml"), """
                kafka: {partitions: 1}
                probes:
                  http-port: %d
                  targets:
                    - {id: sim, provider: openai-compatible, base-url: "http://127.0.0.1:%d/v1", model: sim-small, check: chat}
                aggregation: {http-port: %d}
                alerts: {http-port: %d}
                """.formatted(FreePort.pick(), simulatorPort, FreePort.pick(), FreePort.pick()));
        Path console = workDir.resolve("stack.log");
        Path kafkaLog = workDir.resolve(".local-data/logs/kafka.log");
        Process stack = start("local-stack", "--config", "monitor.yaml", "--kafka-port", String.valueOf(kafkaPort),
                "--simulator-port", String.valueOf(simulatorPort));
        try {
            await().atMost(Duration.ofSeconds(120))
                    .until(() -> Files.readString(console).contains("Press Ctrl-C to stop."));
        } finally {
            stack.destroy();
            assertThat(stack.waitFor(60, TimeUnit.SECONDS)).as("local-stack stops on SIGTERM").isTrue();
        }

        List<String> lines = Files.readAllLines(console);
        assertThat(lines).as("Kafka's warnings on the console").noneMatch(line -> line.contains(" WARN ")
                && (line.contains("] o.a.k.") || line.contains("] org.apache.kafka.") || line.contains("] kafka.")));
        assertThat(lines).anyMatch(line -> line.contains("Simulated LLM provider on http://127.0.0.1:" + simulatorPort))
                .contains("Kafka log:           " + kafkaLog.toRealPath()
                        + "  (what the broker and the Kafka clients warn about)");
        assertThat(Files.readAllLines(kafkaLog))
                .anyMatch(line -> line.contains(" WARN ") && line.contains("org.apache.kafka"));
    }

    private static List<String> command(String service, String... args) {
        Path jar = Path.of("..", service, "target", service + ".jar").toAbsolutePath().normalize();
        List<String> command = new ArrayList<>(List.of(JAVA, "-jar", jar.toString()));
        command.addAll(List.of(args));
        return command;
    }

    private Process start(String service, String... args) throws IOException {
        return new ProcessBuilder(command(service, args)).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(workDir.resolve("stack.log").toFile()).start();
    }

    private Run run(String service, String... args) throws IOException, InterruptedException {
        Path out = workDir.resolve("out.txt");
        Path err = workDir.resolve("err.txt");
        Process process = new ProcessBuilder(command(service, args)).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(service + " " + List.of(args) + " did not exit within 60 s");
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private record Run(int exitCode, String stdout, String stderr) {
    }
}
