package dev.llmuptime.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmuptime.config.ConfigLoader;
import dev.llmuptime.config.Provider;
import dev.llmuptime.config.TargetConfig;
import dev.llmuptime.schema.Outcome;
import dev.llmuptime.schema.ProbeResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code examples/providers.yaml}, as shipped, probes each of its providers' dialects on the simulator. */
class ProvidersExampleTest {

    @RegisterExtension
    final SimulatedProbing probing = new SimulatedProbing();

    @Test
    void everyTargetOfTheExampleSucceeds() {
        String simulator = "http://127.0.0.1:" + probing.sim.port();
        List<TargetConfig> targets = new ConfigLoader(Map.of("SIM_URL", simulator)::get)
                .load(Path.of("..", "examples", "providers.yaml")).probes().targets();

        assertThat(targets).extracting(TargetConfig::provider).containsExactlyInAnyOrder(Provider.OPENAI_COMPATIBLE,
                Provider.AZURE_OPENAI, Provider.ANTHROPIC, Provider.GEMINI);
        for (TargetConfig target : targets) {
            ProbeResult result = probing.probe(target);
            assertThat(result.getOutcome()).as(target.id() + ": " + result.getMessage()).isEqualTo(Outcome.SUCCESS);
            assertThat(result.getTtftMs()).as(target.id()).isNotNull();
        }
    }
}
