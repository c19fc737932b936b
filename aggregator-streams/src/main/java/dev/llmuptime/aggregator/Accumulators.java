package dev.llmuptime.aggregator;

import com.datadoghq.sketch.ddsketch.DDSketch;
import dev.llmuptime.aggregator.state.FailedProbe;
import dev.llmuptime.aggregator.state.Streak;
import dev.llmuptime.aggregator.state.WindowAccumulator;
import dev.llmuptime.schema.Outcome;
import dev.llmuptime.schema.Outcomes;
import dev.llmuptime.schema.Percentiles;
import dev.llmuptime.schema.ProbeEvidence;
import dev.llmuptime.schema.ProbeLatency;
import dev.llmuptime.schema.ProbeReasons;
import dev.llmuptime.schema.ProbeResult;
import dev.llmuptime.schema.Sketches;
import dev.llmuptime.schema.UptimeCounts;
import dev.llmuptime.schema.WindowStats;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Adding probe results to a window's state, and turning that state into the public WindowStats. */
final class Accumulators {

    private static final ByteBuffer EMPTY = ByteBuffer.wrap(new byte[0]);

    private Accumulators() {
    }

    static WindowAccumulator empty(ProbeResult first, String region, long windowSize, long windowStart) {
        return WindowAccumulator.newBuilder()
                .setTargetId(first.getTargetId()).setRegion(region).setProvider(first.getProvider())
                .setModel(first.getModel()).setCheck(first.getCheck()).setWindowSize(windowSize)
                .setWindowStart(windowStart).setCount(0).setOutcomeCounts(new HashMap<>())
                .setLatencySketch(EMPTY).setLatencySum(0).setLatencyMax(0)
                .setTtftSketch(EMPTY).setTtftSum(0).setTtftMax(0).setTokensPerSecondSketch(EMPTY)
                .setLastProbeAt(0).setLastOutcome(first.getOutcome().name())
                .setConsecutiveFailures(0).setConsecutiveSuccesses(0).setRecentFailures(List.of())
                .setRecentAnswers(List.of()).build();
    }

    /**
     * Adds {@code result} to {@code window}; {@code streak} is the target's streak after it. Only a
     * scheduled probe is counted, so extra probes (confirmations) leave counts, uptime and
     * percentiles as one probe per interval slot, while the streaks and recent probes take them all.
     */
    static void add(OpenWindow window, ProbeResult result, Streak streak) {
        if (ProbeReasons.isScheduled(result)) {
            countSlot(window, result);
        }
        WindowAccumulator state = window.state();
        state.setLastProbeAt(streak.getLastProbeAt());
        state.setLastOutcome(streak.getLastOutcome());
        state.setConsecutiveFailures(streak.getConsecutiveFailures());
        state.setConsecutiveSuccesses(streak.getConsecutiveSuccesses());
        state.setRecentFailures(streak.getRecentFailures());
        state.setRecentAnswers(streak.getRecentAnswers());
    }

    private static void countSlot(OpenWindow window, ProbeResult result) {
        WindowAccumulator state = window.state();
        state.setCount(state.getCount() + 1);
        state.getOutcomeCounts().merge(result.getOutcome().name(), 1L, Long::sum);
        state.setProvider(result.getProvider());
        state.setModel(result.getModel());
        state.setCheck(result.getCheck());
        if (Outcomes.isUp(result.getOutcome())) {
            double latency = result.getLatencyMs();
            window.latency().accept(latency);
            state.setLatencySum(state.getLatencySum() + latency);
            state.setLatencyMax(Math.max(state.getLatencyMax(), latency));
            if (result.getTtftMs() != null) {
                double ttft = result.getTtftMs();
                window.ttft().accept(ttft);
                state.setTtftSum(state.getTtftSum() + ttft);
                state.setTtftMax(Math.max(state.getTtftMax(), ttft));
            }
            if (result.getTokensPerSecond() != null && result.getTokensPerSecond() > 0) {
                window.tokensPerSecond().accept(result.getTokensPerSecond());
            }
        }
    }

    static WindowStats toStats(WindowAccumulator state, boolean isFinal, long emittedAt) {
        return toStats(OpenWindow.of(state), isFinal, emittedAt);
    }

    static WindowStats toStats(OpenWindow window, boolean isFinal, long emittedAt) {
        WindowAccumulator state = window.state();
        Map<String, Long> counts = state.getOutcomeCounts();
        DDSketch latency = window.latency();
        DDSketch ttft = window.ttft();
        DDSketch tokensPerSecond = window.tokensPerSecond();
        return WindowStats.newBuilder()
                .setTargetId(state.getTargetId()).setProvider(state.getProvider()).setModel(state.getModel())
                .setCheck(state.getCheck()).setRegion(state.getRegion()).setWindowSize(state.getWindowSize())
                .setWindowStart(Instant.ofEpochMilli(state.getWindowStart()))
                .setWindowEnd(Instant.ofEpochMilli(state.getWindowStart() + state.getWindowSize()))
                .setFinal$(isFinal)
                .setCount(state.getCount())
                .setOutcomeCounts(new HashMap<>(counts))
                .setUptime(UptimeCounts.of(state.getCount(), counts).uptime())
                .setLatency(Sketches.percentiles(latency, state.getLatencySum(), state.getLatencyMax()))
                .setTtft(Sketches.percentiles(ttft, state.getTtftSum(), state.getTtftMax()))
                .setTokensPerSecondP50(tokensPerSecond.isEmpty() ? null : tokensPerSecond.getValueAtQuantile(0.5))
                .setLatencySketch(latency.isEmpty() ? null : Sketches.encode(latency))
                .setLastProbeAt(Instant.ofEpochMilli(state.getLastProbeAt()))
                .setLastOutcome(Outcome.valueOf(state.getLastOutcome()))
                .setConsecutiveFailures(state.getConsecutiveFailures())
                .setConsecutiveSuccesses(state.getConsecutiveSuccesses())
                .setEmittedAt(Instant.ofEpochMilli(emittedAt))
                .setRecentFailures(state.getRecentFailures().stream().map(Accumulators::evidence).toList())
                .setRecentLatencies(state.getRecentAnswers().stream()
                        .map(answer -> new ProbeLatency(Instant.ofEpochMilli(answer.getStartedAt()), answer.getLatencyMs()))
                        .toList())
                .build();
    }

    private static ProbeEvidence evidence(FailedProbe failed) {
        return ProbeEvidence.newBuilder()
                .setProbeId(failed.getProbeId()).setStartedAt(Instant.ofEpochMilli(failed.getStartedAt()))
                .setRegion(failed.getRegion()).setOutcome(Outcome.valueOf(failed.getOutcome()))
                .setHttpStatus(failed.getHttpStatus()).setErrorCode(failed.getErrorCode())
                .setRequestId(failed.getRequestId()).setMessage(failed.getMessage())
                .build();
    }
}
