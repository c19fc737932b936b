package dev.llmuptime.probe;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Splits a streamed body into lines as bytes arrive, decoding each whole line as UTF-8 (so a
 * character split across network reads stays whole). The total is bounded like any body.
 */
final class SseLines {

    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final int limit;
    private long total;

    private SseLines(int limit) {
        this.limit = limit;
    }

    static Flux<String> of(Flux<byte[]> chunks, int limit) {
        return Flux.defer(() -> {
            SseLines splitter = new SseLines(limit);
            return chunks.concatMapIterable(splitter::feed).concatWith(Mono.fromSupplier(splitter::rest)
                    .filter(rest -> !rest.isEmpty()));
        });
    }

    private List<String> feed(byte[] chunk) {
        total += chunk.length;
        if (total > limit) {
            throw new ResponseTooLargeException(limit);
        }
        List<String> lines = new ArrayList<>();
        for (byte b : chunk) {
            if (b == '\n') {
                lines.add(rest());
            } else {
                line.write(b);
            }
        }
        return lines;
    }

    private String rest() {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }
}
