package dev.llmuptime.testkit;

import dev.llmuptime.schema.Outcome;
import dev.llmuptime.schema.ProbeResult;
import java.time.Instant;
import java.util.UUID;

/**
 * Probe results for tests and benchmarks: every required field set to a plain default, so a
 * caller sets only what its case is about and builds.
 */
public final class ProbeResults {

    private ProbeResults() {
    }

    /** A successful 100 ms chat probe of {@code target}, scheduled and started at {@code at}. */
    public static ProbeResult.Builder success(String target, Instant at) {
        return of(target, at, Outcome.SUCCESS);
    }

    /** A 100 ms chat probe of {@code target} with this outcome, scheduled and started at {@code at}. */
    public static ProbeResult.Builder of(String target, Instant at, Outcome outcome) {
        return ProbeResult.newBuilder().setProbeId(UUID.randomUUID().toString()).setTargetId(target)
                .setProvider("openai").setModel("gpt-4o-mini").setCheck("chat").setRegion("local")
                .setProberId("test").setScheduledAt(at).setStartedAt(at).setOutcome(outcome).setLatencyMs(100);
    }
}
