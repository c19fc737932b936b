package dev.llmuptime.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmuptime.config.TargetConfig;
import dev.llmuptime.schema.ProbeResult;
import dev.llmuptime.simulator.Fault;
import dev.llmuptime.simulator.Pacing;
import dev.llmuptime.simulator.SimulatedProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A prober and the simulated provider it probes over real HTTP, started before each test and
 * stopped after it: register it with {@code @RegisterExtension}.
 */
final class SimulatedProbing implements BeforeEachCallback, AfterEachCallback {

    SimulatedProvider sim;
    private ProbeHttpClient http;
    private Prober prober;

    @Override
    public void beforeEach(ExtensionContext context) {
        sim = SimulatedProvider.start("127.0.0.1", 0, SimulatedProvider.DEFAULT_MODELS,
                new Pacing(Duration.ofMillis(30), Duration.ofMillis(10)), RandomGenerator.getDefault());
        http = new ProbeHttpClient(100);
        prober = new Prober(http.client(), new ObjectMapper(), Clock.systemUTC(), "test-region", "prober-1");
    }

    @Override
    public void afterEach(ExtensionContext context) {
        http.close();
        sim.close();
    }

    /** The prober itself, for tests that schedule it. */
    ProbeRunner runner() {
        return prober;
    }

    void fault(Fault fault) {
        sim.setFault(fault);
    }

    /** Probes {@code target} once and checks what every result must hold. */
    ProbeResult probe(TargetConfig target) {
        Instant scheduledAt = Instant.now();
        ProbeResult result = prober.probe(target, scheduledAt).block(Duration.ofSeconds(10));
        assertThat(result).isNotNull();
        assertThat(result.getScheduledAt()).isEqualTo(scheduledAt.truncatedTo(ChronoUnit.MILLIS));
        assertThat(result.getStartedAt()).isAfterOrEqualTo(result.getScheduledAt());
        assertThat(result.getTargetId()).isEqualTo(target.id());
        assertThat(result.getProvider()).isEqualTo(target.provider().configName());
        assertThat(result.getProbeId()).hasSize(36);
        return result;
    }
}
