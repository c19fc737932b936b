package dev.llmuptime.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmuptime.config.CheckType;
import dev.llmuptime.config.ConfigLoader;
import dev.llmuptime.config.MonitorConfig;
import dev.llmuptime.config.TargetConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The command line of bench.jar: subcommands, their operands as the scripts under bench/ pass them, usage and exit codes. */
class BenchMainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void helpListsEverySubcommandWithItsOperands() {
        assertThat(run("--help")).isZero();

        assertThat(out()).startsWith("Usage: java -jar bench.jar SUBCOMMAND OPERANDS...\n").contains(
                "  probe-config TARGETS INTERVAL BOOTSTRAP TOPIC SIM_BASE_URL HTTP_PORT\n",
                "  probe-report BOOTSTRAP TOPIC FROM_MS TO_MS\n",
                "  aggregator-bench BOOTSTRAP AGGREGATOR_JAR WORK_DIR RESULTS TARGETS\n",
                "  windowed-count BOOTSTRAP TOPIC OUTPUT APPLICATION_ID STATE_DIR\n",
                "  peers REPO_DIR WORK_DIR TRIALS [HEALTHY_MINUTES] [INTERMITTENT_MINUTES] [WARMUP_MINUTES] "
                        + "[REGION_MINUTES]\n",
                "  failover REPO_DIR WORK_DIR [KILLS] [SESSION_TIMEOUT]\n",
                "--version");
        assertThat(err()).isEmpty();
    }

    @Test
    void subcommandHelpDescribesEveryOperand() {
        assertThat(run("peers", "--help")).isZero();

        assertThat(out()).startsWith("Usage: java -jar bench.jar peers REPO_DIR WORK_DIR TRIALS [HEALTHY_MINUTES] "
                        + "[INTERMITTENT_MINUTES] [WARMUP_MINUTES] [REGION_MINUTES]\n\n")
                .contains("  TRIALS                how many times every fault is injected\n",
                        "  HEALTHY_MINUTES       length of the healthy run before the trials, in minutes "
                                + "(default 10)\n",
                        "  INTERMITTENT_MINUTES  how long m-flaky fails 30 % of requests, in minutes (default 5)\n");
    }

    @Test
    void versionPrintsTheBuildVersion() {
        assertThat(run("--version")).isZero();

        assertThat(out().trim()).matches("bench \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }

    @Test
    void probeConfigPrintsAConfigurationTheProberLoads() {
        assertThat(run("probe-config", "3", "1s", "localhost:19092", "bench.probe.results.1", "http://127.0.0.1:18090/v1",
                "18081")).isZero();

        MonitorConfig config = new ConfigLoader(name -> null).parse(out(), "probe-config");
        assertThat(config.kafka().bootstrapServers()).isEqualTo("localhost:19092");
        assertThat(config.kafka().topics().probeResults()).isEqualTo("bench.probe.results.1");
        assertThat(config.kafka().partitions()).isEqualTo(6);
        assertThat(config.probes().region()).isEqualTo("bench");
        assertThat(config.probes().httpPort()).isEqualTo(18081);
        assertThat(config.probes().targets()).extracting(TargetConfig::id).containsExactly("t0", "t1", "t2");
        TargetConfig target = config.probes().targets().get(2);
        assertThat(target.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:18090/v1"));
        assertThat(target.model()).isEqualTo("sim-small");
        assertThat(target.check()).isEqualTo(CheckType.CHAT_STREAM);
        assertThat(target.interval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(target.maxTokens()).isEqualTo(5);
    }

    @Test
    void noSubcommandExitsTwoWithOneLine() {
        assertThat(run()).isEqualTo(2);

        assertThat(err()).isEqualTo("bench: missing subcommand, one of probe-config, probe-report, aggregator-bench, "
                + "windowed-count, peers, failover; see --help\n");
        assertThat(out()).isEmpty();
    }

    @Test
    void unknownSubcommandExitsTwoWithASuggestion() {
        assertThat(run("probe-reprot", "localhost:9092")).isEqualTo(2);

        assertThat(err()).isEqualTo("bench: unknown subcommand 'probe-reprot' (did you mean 'probe-report'?); expected "
                + "one of probe-config, probe-report, aggregator-bench, windowed-count, peers, failover\n");
    }

    @Test
    void unknownOptionExitsTwoWithASuggestion() {
        assertThat(run("--hlep")).isEqualTo(2);

        assertThat(err()).isEqualTo("bench: unknown option '--hlep' (did you mean '--help'?); see --help\n");
    }

    @Test
    void missingOperandExitsTwoNamingIt() {
        assertThat(run("probe-report", "localhost:9092", "bench.probe.results", "1700000000000")).isEqualTo(2);

        assertThat(err()).isEqualTo("bench probe-report: missing TO_MS (end of the counted span (exclusive), epoch ms); "
                + "see --help\n");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "many | 1s    | 0     | TARGETS expects a whole number, got 'many'",
        "0    | 1s    | 0     | TARGETS expects a whole number of at least 1, got '0'",
        "3    | 1 sec | 0     | INTERVAL: '1 sec' is not a duration (expected a whole number and a unit: 500ms, 5s, 1m, 1h, 1d)",
        "3    | 1s    | 70000 | HTTP_PORT expects a port from 0 to 65535, got '70000'"})
    void operandOfTheWrongKindExitsTwoWithOneLine(String targets, String interval, String port, String message) {
        assertThat(run("probe-config", targets, interval, "localhost:9092", "t", "http://127.0.0.1:1/v1", port))
                .isEqualTo(2);

        assertThat(err()).isEqualTo("bench probe-config: " + message + "\n");
    }

    @Test
    void anArgumentBeyondTheOperandsExitsTwo() {
        assertThat(run("peers", "/repo", "/work", "5", "10", "5", "64", "10", "extra")).isEqualTo(2);
        assertThat(err()).isEqualTo("bench peers: unexpected argument 'extra'; see --help\n");
    }

    @Test
    void failureWhileRunningExitsOneWithOneLine() {
        BenchMain failing = new BenchMain(List.of(new Subcommand("fail", "Fails.", List.of(), (arguments, output) -> {
            throw new IllegalStateException("broker unreachable");
        })));

        assertThat(failing.run(new String[] {"fail"}, stream(out), stream(err))).isEqualTo(1);
        assertThat(err()).isEqualTo("bench fail: failed: java.lang.IllegalStateException: broker unreachable\n");
    }

    private int run(String... args) {
        return BenchMain.withAllBenchmarks().run(args, stream(out), stream(err));
    }

    private static PrintStream stream(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
