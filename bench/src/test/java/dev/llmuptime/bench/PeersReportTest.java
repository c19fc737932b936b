package dev.llmuptime.bench;

import static dev.llmuptime.bench.Arrivals.firing;
import static dev.llmuptime.bench.Arrivals.resolved;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llmuptime.schema.Outcome;
import dev.llmuptime.schema.ProbeResult;
import dev.llmuptime.testkit.ProbeResults;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The arithmetic of the peers benchmark's report, on arrivals and results made up by hand. */
class PeersReportTest {

    private static final View DEFAULT_ALL = View.ALL.get(0);
    private static final View DEFAULT_OUTAGE_RULES = View.ALL.get(1);

    /** Faults from 10 s to 30 s. */
    private final Trial trial = new Trial(1, 10_000, 30_000);

    @Test
    void detectionAndResolveCountOnlyTheRowsRulesAndTheTrialsTime() {
        List<Receiver.Arrival> arrivals = List.of(
                firing("ours-default", "m-500", "availability", 8_000),
                firing("ours-default", "m-500", "availability", 11_000),
                firing("ours-default", "m-500", "down", 16_500),
                firing("ours-fast", "m-500", "down", 12_000),
                resolved("ours-default", "m-500", "down", 36_200));

        assertThat(trial.detection(arrivals, DEFAULT_ALL, "m-500")).as("earliest after the fault start").isEqualTo(1_000);
        assertThat(trial.detection(arrivals, DEFAULT_OUTAGE_RULES, "m-500")).isEqualTo(6_500);
        assertThat(trial.resolve(arrivals, DEFAULT_ALL, "m-500")).isEqualTo(6_200);
        assertThat(trial.detection(arrivals, DEFAULT_ALL, "m-429")).as("never fired").isNull();
    }

    @Test
    void eachTrialsSlowdownIsReadOnTheModelItSlowedAndTheTableNamesThemAllMSlow() {
        Trial second = new Trial(2, 100_000, 120_000);
        List<Receiver.Arrival> arrivals = List.of(
                firing("ours-default", "m-slow-1", "slow", 105_000),
                firing("ours-default", "m-slow-2", "slow", 110_000),
                resolved("ours-default", "m-slow-2", "slow", 170_000));

        assertThat(second.detection(arrivals, DEFAULT_ALL, PeersBench.SLOW)).isEqualTo(10_000);
        assertThat(second.resolve(arrivals, DEFAULT_ALL, PeersBench.SLOW)).isEqualTo(50_000);
        assertThat(PeersBench.models(2)).contains("m-slow-1", "m-slow-2").doesNotContain(PeersBench.SLOW);
        assertThat(Report.table(List.of(second), arrivals))
                .contains("| ours-default | m-slow | 10.0 s (10.0-10.0) | 50.0 s (50.0-50.0) | 1/1 | [slow] |");
    }

    @Test
    void aTrialIsSettledOnceEveryStackThatFiredHasResolved() {
        List<Receiver.Arrival> fired = List.of(
                firing("ours-fast", "m-hang", "down", 16_000),
                firing("prom-aggressive", "m-hang", "ProbeFailed", 5_000),
                resolved("prom-aggressive", "m-hang", "ProbeFailed", 6_000));

        assertThat(trial.settled(fired)).isFalse();
        List<Receiver.Arrival> resolved = new ArrayList<>(fired);
        resolved.add(resolved("ours-fast", "m-hang", "down", 32_000));
        assertThat(trial.settled(resolved)).as("prom-aggressive fired before this trial").isTrue();
    }

    @Test
    void overheadRunsFromTheEndOfTheLatestProbeBeforeTheDecisionToTheArrival() {
        List<ProbeResult> results = List.of(
                result("m-500", 0, 150, Outcome.SUCCESS),
                result("m-500", 5_000, 20, Outcome.SERVER_ERROR),
                result("m-500", 10_000, 20, Outcome.SERVER_ERROR),
                result("m-429", 5_050, 20, Outcome.RATE_LIMITED));
        List<Receiver.Arrival> arrivals = List.of(
                new Receiver.Arrival("ours-fast", "m-500", "down", true, 5_150, 5_130L, "critical", ""),
                new Receiver.Arrival("ours-fast", "m-500", "down", false, 10_150, 10_130L, "critical", ""),
                new Receiver.Arrival("prom-aggressive", "m-500", "ProbeFailed", true, 9_000, null, "", ""));

        assertThat(new PipelineOverhead(arrivals, results).describe()).startsWith(
                "pipeline overhead over 1 firing alerts of this project: probe end -> webhook arrival p50 130 ms, "
                        + "p99 130 ms, max 130 ms; probe end -> alert decided p50 110 ms, p99 110 ms; "
                        + "decided -> webhook arrival p50 20 ms, p99 20 ms");
    }

    @Test
    void falseAlarmsAreEveryFiringInTheHealthyRun() {
        List<Receiver.Arrival> arrivals = List.of(
                firing("ours-default", "m-noisy", "availability", 500),
                resolved("ours-default", "m-noisy", "availability", 700),
                firing("prom-aggressive", "m-noisy", "ProbeFailed", 900),
                firing("ours-fast", "m-500", "down", 1_000));

        assertThat(Report.falseAlarms(arrivals, 0, 1_000)).endsWith("ours-default=1 [m-noisy:availability] "
                + "ours-fast=0 [] prom-default=0 [] prom-aggressive=1 [m-noisy:ProbeFailed]");
    }

    private static ProbeResult result(String target, long startedAt, long latencyMs, Outcome outcome) {
        return ProbeResults.of(target, Instant.ofEpochMilli(startedAt), outcome).setLatencyMs(latencyMs).build();
    }
}
