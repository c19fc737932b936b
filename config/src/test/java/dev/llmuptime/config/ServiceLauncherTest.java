package dev.llmuptime.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceLauncherTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final ServiceLauncher launcher = new ServiceLauncher("probe-producer", "Probes LLM APIs.",
            List.of(CliOption.withValue("--kafka-port", "N", "broker port"), CliOption.flag("--demo", "play a demo")));

    @Test
    void helpListsEveryOption() {
        int code = run(invocation -> { }, "--help");

        assertThat(code).isZero();
        assertThat(out()).startsWith("Usage: java -jar probe-producer.jar [options]\n\nProbes LLM APIs.")
                .contains("--config FILE", "--kafka-port N", "--demo", "--help", "--version");
    }

    @Test
    void versionPrintsTheBuildVersion() {
        int code = run(invocation -> { }, "--version");

        assertThat(code).isZero();
        assertThat(out().trim()).matches("probe-producer \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }

    @Test
    void unknownOptionExitsTwoWithASuggestion() {
        int code = run(invocation -> { }, "--cofnig", "x.yaml");

        assertThat(code).isEqualTo(2);
        assertThat(err()).isEqualTo("probe-producer: unknown option '--cofnig' (did you mean '--config'?); see --help\n");
    }

    @Test
    void optionWithoutItsValueExitsTwo() {
        assertThat(run(invocation -> { }, "--config")).isEqualTo(2);
        assertThat(err()).isEqualTo("probe-producer: --config needs a value: --config FILE\n");
    }

    @Test
    void badPortExitsTwo() {
        assertThat(run(invocation -> invocation.commandLine().port("--kafka-port", 9092), "--kafka-port", "x"))
                .isEqualTo(2);
        assertThat(err()).isEqualTo("probe-producer: --kafka-port expects a port from 0 to 65535, got 'x'\n");
    }

    @Test
    void badConfigExitsTwoWithOneLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("monitor.yaml");
        Files.writeString(file, "kafka:\n  partitons: 3\n");

        int code = run(Invocation::config, "--config", file.toString());

        assertThat(code).isEqualTo(2);
        assertThat(err()).isEqualTo("probe-producer: " + file + ":2: unknown key 'partitons' in kafka (did you mean "
                + "'partitions'?); expected one of bootstrap-servers, client, partitions, replication-factor, retention, topics\n");
    }

    @Test
    void configIsPassedToTheService(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("monitor.yaml");
        Files.writeString(file, "kafka:\n  partitions: 3\n");
        AtomicReference<MonitorConfig> seen = new AtomicReference<>();

        int code = run(invocation -> seen.set(invocation.config()), "--config=" + file, "--demo");

        assertThat(code).isZero();
        assertThat(seen.get().kafka().partitions()).isEqualTo(3);
    }

    @Test
    void failureWhileRunningExitsOne() {
        int code = run(invocation -> {
            throw new IllegalStateException("port 8081 in use");
        });

        assertThat(code).isEqualTo(1);
        assertThat(err()).contains("probe-producer: failed: java.lang.IllegalStateException: port 8081 in use");
    }

    private int run(ServiceLauncher.Service service, String... args) {
        return launcher.run(args, name -> null, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), service);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
