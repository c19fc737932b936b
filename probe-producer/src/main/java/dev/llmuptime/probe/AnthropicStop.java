package dev.llmuptime.probe;

import dev.llmuptime.schema.Outcome;

/** What an Anthropic answer's {@code stop_reason} says about the answer the probe got. */
final class AnthropicStop {

    /** The model declined: it is up, but did not answer as asked. */
    private static final String REFUSAL = "refusal";

    private AnthropicStop() {
    }

    /** The mismatch {@code stopReason} and {@code text} make, or null if the answer is usable. */
    static Answer mismatch(String stopReason, String text) {
        if (REFUSAL.equals(stopReason)) {
            return Answer.failed(Outcome.CONTENT_MISMATCH, "the model refused to answer (stop_reason refusal)", REFUSAL);
        }
        if (text.isBlank()) {
            return Answer.failed(Outcome.CONTENT_MISMATCH, "empty answer (stop_reason " + stopReason + ")");
        }
        return null;
    }
}
