package dev.llmuptime.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmuptime.config.CliOption;
import dev.llmuptime.config.CommandLine;
import dev.llmuptime.config.ConfigLoader;
import dev.llmuptime.config.Invocation;
import dev.llmuptime.config.MonitorConfig;
import dev.llmuptime.config.Provider;
import dev.llmuptime.config.UsageException;
import dev.llmuptime.simulator.SimulatedProvider;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStackTest {

    private static final List<CliOption> OPTIONS = List.of(
            CliOption.flag(LocalStackMain.KAFKA_ONLY, ""), CliOption.withValue(LocalStackMain.KAFKA_PORT, "N", ""),
            CliOption.flag(LocalStackMain.SIMULATOR_ONLY, ""), CliOption.withValue(LocalStackMain.SIMULATOR_PORT, "N", ""),
            CliOption.withValue(LocalStackMain.SIMULATOR_HOST, "ADDRESS", ""),
            CliOption.flag(LocalStackMain.DEMO, ""), CliOption.withValue(LocalStackMain.SIMULATOR_MODELS, "M", ""),
            CliOption.CONFIG);

    @TempDir
    Path dir;

    @Test
    void withoutAConfigItRunsEverythingWithTheBundledExampleOnTheDocumentedPorts() {
        LocalStack.Settings settings = settings(Map.of());

        assertThat(settings.kafka()).isTrue();
        assertThat(settings.services()).isTrue();
        assertThat(settings.kafkaPort()).isEqualTo(9092);
        assertThat(settings.simulatorPort()).isEqualTo(8090);
        assertThat(settings.simulatorHost()).isEqualTo("127.0.0.1");
        assertThat(settings.dataDir()).isEqualTo(Path.of(".local-data"));
        assertThat(settings.simulatorModels()).isEqualTo(SimulatedProvider.DEFAULT_MODELS);
        assertThat(settings(Map.of(), "--simulator-only", "--simulator-models", "a,b").simulatorModels())
                .containsExactly("a", "b");
        assertThat(settings.config()).isEqualTo(LocalConfig.bundled(name -> null));
    }

    @Test
    void anExplicitConfigThatDoesNotExistIsAnError() {
        assertThatThrownBy(() -> settings(Map.of(), "--config", dir.resolve("absent.yaml").toString()))
                .hasMessageEndingWith("absent.yaml: no such file (pass --config FILE)");
    }

    @Test
    void theBundledExampleIsExamplesLocalYaml() {
        MonitorConfig bundled = LocalConfig.bundled(name -> null);

        assertThat(bundled).isEqualTo(new ConfigLoader(name -> null).load(Path.of("..", "examples", "local.yaml")));
        assertThat(bundled.alerts().rules()).extracting(rule -> rule.name()).contains("down", "slow");
    }

    @Test
    void anOpenAiKeyAddsARealOpenAiProbe() {
        MonitorConfig config = LocalConfig.bundled(Map.of("OPENAI_API_KEY", "sk-local-test")::get);

        assertThat(config.probes().targets()).filteredOn(target -> target.provider() == Provider.OPENAI)
                .singleElement().satisfies(target -> {
                    assertThat(target.id()).isEqualTo(LocalConfig.OPENAI_TARGET);
                    assertThat(target.baseUrl()).isEqualTo(URI.create("https://api.openai.com/v1"));
                    assertThat(target.apiKey().reveal()).isEqualTo("sk-local-test");
                });
    }

    @Test
    void kafkaOnlyAndSimulatorOnlyExcludeEachOtherAndTheDemo() {
        assertThatThrownBy(() -> settings(Map.of(), "--kafka-only", "--simulator-only"))
                .isInstanceOf(UsageException.class).hasMessage("--kafka-only and --simulator-only exclude each other");
        assertThatThrownBy(() -> settings(Map.of(), "--kafka-only", "--demo"))
                .isInstanceOf(UsageException.class).hasMessage("--demo needs the whole stack, not --kafka-only");
    }

    @Test
    void runsABrokerAndASimulatorThatClientsCanUse() throws Exception {
        try (LocalStack stack = new LocalStack(LocalStack.Settings.infrastructure(true, true, 0, "127.0.0.1", 0, SimulatedProvider.DEFAULT_MODELS, dir), quiet())) {
            stack.start();
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
                assertThat(admin.describeCluster().nodes().get()).hasSize(1);
            }
            HttpResponse<String> models = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(stack.simulatorBaseUrl() + "/models")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(models.statusCode()).isEqualTo(200);
            assertThat(models.body()).contains("sim-small");
        }
        assertThat(dir.resolve("kafka/meta.properties")).exists();
    }

    @Test
    void simulatorOnlyStartsNoBroker() {
        try (LocalStack stack = new LocalStack(LocalStack.Settings.infrastructure(false, true, 0, "127.0.0.1", 0, List.of("m-500", "m-hang"), dir), quiet())) {
            stack.start();
            assertThat(stack.bootstrapServers()).isNull();
            assertThat(stack.simulatorBaseUrl()).startsWith("http://127.0.0.1:");
            assertThat(stack.simulator().models()).containsExactly("m-500", "m-hang");
        }
        assertThat(dir.resolve("kafka")).doesNotExist();
    }

    @Test
    void theSimulatorListensOnTheAddressGiven() throws Exception {
        LocalStack.Settings settings = settings(Map.of(), "--simulator-only", "--simulator-host", "127.0.0.2",
                "--simulator-port", "0");
        assertThat(settings.simulatorHost()).isEqualTo("127.0.0.2");
        try (LocalStack stack = new LocalStack(settings, quiet())) {
            stack.start();
            assertThat(stack.simulatorBaseUrl()).startsWith("http://127.0.0.2:");
            HttpResponse<String> models = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(stack.simulatorBaseUrl() + "/models")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(models.statusCode()).isEqualTo(200);
        }
        assertThatThrownBy(() -> settings(Map.of(), "--simulator-only", "--simulator-host", " "))
                .isInstanceOf(UsageException.class).hasMessage("--simulator-host expects an address, e.g. 0.0.0.0");
    }

    private static LocalStack.Settings settings(Map<String, String> env, String... args) {
        return LocalStackMain.settings(new Invocation(CommandLine.parse(args, OPTIONS), new ConfigLoader(env::get)),
                env::get);
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream());
    }
}
