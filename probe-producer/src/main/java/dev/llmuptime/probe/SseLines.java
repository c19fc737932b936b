package dev.llmuptime.probe;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Splits a streamed body into lines as bytes arrive, decoding each whole line as UTF-8 (so a
 * character split across network reads stays whole). The total is bounded like any body. Lines
 * are handed over as they are found, with no list or operator per network read: at thousands of
 * streamed probes a second, that per-read overhead showed in the profile.
 */
final class SseLines {

    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final int limit;
    private long total;

    SseLines(int limit) {
        this.limit = limit;
    }

    /** Hands every line that {@code chunk} completes to {@code lines}; throws once the body exceeds the limit. */
    void feed(byte[] chunk, Consumer<String> lines) {
        total += chunk.length;
        if (total > limit) {
            throw new ResponseTooLargeException(limit);
        }
        // Whole runs up to each newline are copied at once, not a byte at a time.
        int start = 0;
        for (int i = 0; i < chunk.length; i++) {
            if (chunk[i] == '\n') {
                line.write(chunk, start, i - start);
                lines.accept(take());
                start = i + 1;
            }
        }
        line.write(chunk, start, chunk.length - start);
    }

    /** Hands over the last line if the body did not end with a newline. */
    void finish(Consumer<String> lines) {
        if (line.size() > 0) {
            lines.accept(take());
        }
    }

    private String take() {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }
}
