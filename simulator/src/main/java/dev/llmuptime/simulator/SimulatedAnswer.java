package dev.llmuptime.simulator;

import java.time.Duration;
import java.util.List;

/**
 * What the simulated model says to one request, one token per element: the answer cut to
 * {@code max_tokens}, or, when the content filter is on, its first two tokens and then a stop.
 */
record SimulatedAnswer(List<String> tokens, Ending ending) {

    /** The whole answer. */
    static final List<String> TEXT = List.of("OK", ".", " The", " simulated", " model", " is", " up", " and",
            " answering", ".");

    /** Why the answer ended; each provider has its own name for each. */
    enum Ending {
        COMPLETE, MAX_TOKENS, FILTERED
    }

    static SimulatedAnswer of(int maxTokens, boolean filtered) {
        List<String> tokens = TEXT.subList(0, Math.max(1, Math.min(maxTokens, TEXT.size())));
        if (filtered) {
            return new SimulatedAnswer(tokens.subList(0, Math.min(2, tokens.size())), Ending.FILTERED);
        }
        return new SimulatedAnswer(tokens, tokens.size() < TEXT.size() ? Ending.MAX_TOKENS : Ending.COMPLETE);
    }

    String text() {
        return String.join("", tokens);
    }

    int size() {
        return tokens.size();
    }

    /** How long the model takes to generate the whole answer. */
    Duration generation(Pacing pacing) {
        return pacing.firstToken().plus(pacing.betweenTokens().multipliedBy(tokens.size() - 1L));
    }

    /** How long the model takes before token {@code index}. */
    static Duration before(int index, Pacing pacing) {
        return index == 0 ? pacing.firstToken() : pacing.betweenTokens();
    }
}
