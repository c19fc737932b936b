package dev.llmuptime.aggregator;

import com.datadoghq.sketch.ddsketch.DDSketch;
import dev.llmuptime.aggregator.state.WindowAccumulator;
import dev.llmuptime.schema.ProbeResult;
import dev.llmuptime.schema.Sketches;
import java.util.HashMap;

/**
 * The state of one open window with its sketches decoded: what the processor changes for every
 * result, so that a sketch is decoded once when the window is first read and encoded only when
 * the window is written to its store, not for every result.
 */
final class OpenWindow {

    /** Everything but the sketches, whose encoded fields are out of date until {@link #toAccumulator}. */
    private final WindowAccumulator state;
    private final DDSketch latency;
    private final DDSketch ttft;
    private final DDSketch tokensPerSecond;

    private OpenWindow(WindowAccumulator state, DDSketch latency, DDSketch ttft, DDSketch tokensPerSecond) {
        this.state = state;
        this.latency = latency;
        this.ttft = ttft;
        this.tokensPerSecond = tokensPerSecond;
    }

    /** Decodes {@code stored}, which this window then owns and changes. */
    static OpenWindow of(WindowAccumulator stored) {
        stored.setOutcomeCounts(new HashMap<>(stored.getOutcomeCounts()));
        return new OpenWindow(stored, Sketches.decode(stored.getLatencySketch()), Sketches.decode(stored.getTtftSketch()),
                Sketches.decode(stored.getTokensPerSecondSketch()));
    }

    static OpenWindow empty(ProbeResult first, String region, long windowSize, long windowStart) {
        return of(Accumulators.empty(first, region, windowSize, windowStart));
    }

    /** The window as its stores keep it, sketches encoded; valid until this window changes again. */
    WindowAccumulator toAccumulator() {
        state.setLatencySketch(Sketches.encode(latency));
        state.setTtftSketch(Sketches.encode(ttft));
        state.setTokensPerSecondSketch(Sketches.encode(tokensPerSecond));
        return state;
    }

    /** Counts, sums, streak and identity of the window; its sketch fields are not to be read. */
    WindowAccumulator state() {
        return state;
    }

    DDSketch latency() {
        return latency;
    }

    DDSketch ttft() {
        return ttft;
    }

    DDSketch tokensPerSecond() {
        return tokensPerSecond;
    }
}
