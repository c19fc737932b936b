package dev.llmuptime.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmuptime.config.ConfigLoader;
import dev.llmuptime.config.MonitorConfig;
import dev.llmuptime.simulator.SimulatedProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every shipped example configuration loads with the real loader. */
class ExamplesTest {

    private static final Path EXAMPLES = Path.of("..", "examples");

    @Test
    void everyExampleLoads() throws IOException {
        List<Path> examples;
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            examples = files.filter(file -> file.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(examples).isNotEmpty();
        ConfigLoader loader = new ConfigLoader(Map.of("OPENAI_API_KEY", "sk-example", "WEBHOOK_URL",
                "https://hooks.example.com/llm")::get);
        for (Path example : examples) {
            MonitorConfig config = loader.load(example);
            assertThat(config.probes().targets()).as(example.toString()).isNotEmpty();
        }
    }

    @Test
    void localExampleProbesTheSimulatorOnItsDefaultPort() {
        MonitorConfig config = new ConfigLoader(name -> null).load(EXAMPLES.resolve("local.yaml"));

        assertThat(config.probes().targets()).allSatisfy(target -> {
            assertThat(target.baseUrl().toString()).isEqualTo("http://127.0.0.1:8090/v1");
            assertThat(SimulatedProvider.DEFAULT_MODELS).contains(target.model());
        });
        assertThat(config.kafka().bootstrapServers()).isEqualTo("localhost:9092");
    }

    @Test
    void localExampleTurnsTheAlertsWriteApiOnForTheDemo() {
        MonitorConfig demo = new ConfigLoader(name -> null).load(EXAMPLES.resolve("local.yaml"));
        MonitorConfig own = new ConfigLoader(Map.of("ALERTS_API_TOKEN", "tok-own")::get)
                .load(EXAMPLES.resolve("local.yaml"));

        assertThat(demo.alerts().apiToken().reveal()).isEqualTo("local-demo-token");
        assertThat(own.alerts().apiToken().reveal()).isEqualTo("tok-own");
    }
}
