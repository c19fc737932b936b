package dev.llmuptime.probe;

import dev.llmuptime.schema.Outcome;

/**
 * What a probe made of the response: its outcome, a short reason when it is not SUCCESS, the
 * provider's error code if any, and what a usable answer measured.
 */
record Answer(Outcome outcome, String problem, String errorCode, String content, Integer outputTokens,
        Double tokensPerSecond) {

    static Answer ok(String content, Integer outputTokens, Double tokensPerSecond) {
        return new Answer(Outcome.SUCCESS, null, null, content, outputTokens, tokensPerSecond);
    }

    static Answer failed(Outcome outcome, String problem) {
        return new Answer(outcome, problem, null, null, null, null);
    }

    static Answer failed(Outcome outcome, String problem, String errorCode) {
        return new Answer(outcome, problem, errorCode, null, null, null);
    }

    boolean succeeded() {
        return outcome == Outcome.SUCCESS;
    }
}
