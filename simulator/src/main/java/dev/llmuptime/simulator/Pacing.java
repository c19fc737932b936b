package dev.llmuptime.simulator;

import java.time.Duration;

/**
 * How fast the simulated model answers: time to the first token, then time between tokens.
 * Defaults resemble a small hosted model.
 */
public record Pacing(Duration firstToken, Duration betweenTokens) {

    public static final Pacing REALISTIC = new Pacing(Duration.ofMillis(250), Duration.ofMillis(20));
    public static final Pacing INSTANT = new Pacing(Duration.ZERO, Duration.ZERO);
}
