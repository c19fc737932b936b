package dev.llmuptime.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmuptime.config.CliOption;
import dev.llmuptime.config.CommandLine;
import dev.llmuptime.config.UsageException;
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
            CliOption.flag(LocalStackMain.SIMULATOR_ONLY, ""), CliOption.withValue(LocalStackMain.SIMULATOR_PORT, "N", ""));

    @Test
    void defaultsRunBothOnTheDocumentedPorts() {
        LocalStack.Settings settings = LocalStackMain.settings(CommandLine.parse(new String[0], OPTIONS));

        assertThat(settings).isEqualTo(new LocalStack.Settings(true, true, 9092, 8090, Path.of(".local-data")));
    }

    @Test
    void kafkaOnlyAndSimulatorOnlyExcludeEachOther() {
        CommandLine both = CommandLine.parse(new String[] {"--kafka-only", "--simulator-only"}, OPTIONS);

        assertThatThrownBy(() -> LocalStackMain.settings(both)).isInstanceOf(UsageException.class)
                .hasMessage("--kafka-only and --simulator-only exclude each other");
    }

    @Test
    void runsABrokerAndASimulatorThatClientsCanUse(@TempDir Path dataDir) throws Exception {
        try (LocalStack stack = LocalStack.start(new LocalStack.Settings(true, true, 0, 0, dataDir))) {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
                assertThat(admin.describeCluster().nodes().get()).hasSize(1);
            }
            HttpResponse<String> models = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(stack.simulatorBaseUrl() + "/models")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(models.statusCode()).isEqualTo(200);
            assertThat(models.body()).contains("sim-small");
        }
        assertThat(dataDir.resolve("kafka/meta.properties")).exists();
    }

    @Test
    void simulatorOnlyStartsNoBroker(@TempDir Path dataDir) {
        try (LocalStack stack = LocalStack.start(new LocalStack.Settings(false, true, 0, 0, dataDir))) {
            assertThat(stack.bootstrapServers()).isNull();
            assertThat(stack.simulatorBaseUrl()).startsWith("http://127.0.0.1:");
        }
        assertThat(dataDir.resolve("kafka")).doesNotExist();
    }
}
