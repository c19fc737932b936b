package dev.llmuptime.probe;

/**
 * The text of a streamed answer as its pieces arrive, with when the first and the last came: time
 * to first token is the first piece, tokens per second are measured after it.
 */
final class StreamedText {

    private final StringBuilder text = new StringBuilder();
    private int pieces;
    private long firstNanos;
    private long lastNanos;

    /** Adds a piece of the answer; empty pieces (role announcements, keep-alives) are not tokens. */
    void append(String piece) {
        if (piece.isEmpty()) {
            return;
        }
        long now = System.nanoTime();
        if (pieces == 0) {
            firstNanos = now;
        }
        lastNanos = now;
        pieces++;
        text.append(piece);
    }

    int pieces() {
        return pieces;
    }

    String text() {
        return text.toString();
    }

    boolean isBlank() {
        return text.toString().isBlank();
    }

    /** Notes the time to first token in {@code trace}, if a piece arrived. */
    void noteFirstToken(ProbeTrace trace) {
        if (pieces > 0) {
            trace.ttftNanos = firstNanos - trace.startNanos;
        }
    }

    /** Tokens per second after the first, or null when there is nothing to measure. */
    Double tokensPerSecond(int tokens) {
        long generating = lastNanos - firstNanos;
        if (tokens < 2 || generating <= 0) {
            return null;
        }
        return (tokens - 1) / (generating / 1e9);
    }

    /** The answer, counting {@code reportedTokens} if the provider reported them, else the pieces. */
    Answer answer(Integer reportedTokens) {
        int tokens = reportedTokens != null ? reportedTokens : pieces;
        return Answer.ok(text(), tokens, tokensPerSecond(tokens));
    }

    /** The failure an error event in the stream reports, after the pieces that came before it. */
    Answer interruptedBy(ProviderError error) {
        return Answer.failed(OutcomeClassifier.forStreamError(error), "error event after " + pieces
                + " content events: " + error.message(), error.reportedCode());
    }
}
