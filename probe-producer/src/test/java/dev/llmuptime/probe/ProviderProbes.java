package dev.llmuptime.probe;

import dev.llmuptime.config.CheckType;
import dev.llmuptime.config.Provider;
import dev.llmuptime.config.TargetConfig;
import dev.llmuptime.schema.ProbeResult;
import dev.llmuptime.simulator.Fault;
import dev.llmuptime.simulator.FaultMode;
import dev.llmuptime.simulator.SimulatedProvider;
import java.util.Arrays;
import java.util.List;

/**
 * One provider's targets on the simulated provider of {@code probing}, probed as they are or while
 * every model fails in a fault mode: what each provider's prober test shares, so that it keeps only
 * its assertions.
 */
record ProviderProbes(SimulatedProbing probing, Provider provider) {

    /** The simulator's model that the probes ask for unless a test names another. */
    static final String MODEL = "sim-small";

    /** A target of this provider on the simulator, for {@code model} (an Azure deployment's name too). */
    TargetConfig target(String model, CheckType check) {
        SimulatedProvider sim = probing.sim;
        return switch (provider) {
            case OPENAI, OPENAI_COMPATIBLE, ANTHROPIC -> Targets.target(provider, sim.baseUrl(), model, check);
            case GEMINI -> Targets.target(provider, sim.geminiBaseUrl(), model, check);
            case AZURE_OPENAI -> Targets.azure(sim.azureEndpoint(), model, check);
        };
    }

    /** Probes {@code model} once with {@code check}, under whatever fault is set. */
    ProbeResult probe(String model, CheckType check) {
        return probing.probe(target(model, check));
    }

    /** Probes {@link #MODEL} once with {@code check}, under whatever fault is set. */
    ProbeResult probe(CheckType check) {
        return probe(MODEL, check);
    }

    /** Probes {@link #MODEL} once with {@code check} while every model fails in {@code mode}. */
    ProbeResult probeUnder(FaultMode mode, CheckType check) {
        probing.fault(Fault.of(Fault.ALL_MODELS, mode));
        return probe(check);
    }

    /** Probes {@link #MODEL} once with {@code check} while every model fails in {@code mode} with HTTP {@code status}. */
    ProbeResult probeUnder(FaultMode mode, int status, CheckType check) {
        probing.fault(new Fault(Fault.ALL_MODELS, mode, status, null, null));
        return probe(check);
    }

    /** Probes a healthy {@link #MODEL} once with {@code check}, sending no API key. */
    ProbeResult probeWithoutKey(CheckType check) {
        probing.fault(Fault.healthy(Fault.ALL_MODELS));
        return probing.probe(Targets.withoutKey(target(MODEL, check)));
    }

    /** Probes {@code model} once with each of {@code checks}, in order, under whatever fault is set. */
    List<ProbeResult> probeEach(String model, CheckType... checks) {
        return Arrays.stream(checks).map(check -> probe(model, check)).toList();
    }

    /** Probes {@link #MODEL} once with each of {@code checks}, in order, while every model fails in {@code mode}. */
    List<ProbeResult> probeEachUnder(FaultMode mode, CheckType... checks) {
        probing.fault(Fault.of(Fault.ALL_MODELS, mode));
        return probeEach(MODEL, checks);
    }
}
