package dev.llmuptime.probe;

import java.io.ByteArrayOutputStream;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads a response body whole, but never more than a limit: past it, the read fails and stops. */
final class BoundedBody {

    /** Bodies of healthy answers are a few KiB; anything past this is not an answer to a probe. */
    static final int MAX_BYTES = 1024 * 1024;

    private BoundedBody() {
    }

    static Mono<byte[]> collect(Flux<byte[]> chunks, int limit) {
        return chunks.reduceWith(ByteArrayOutputStream::new, (out, chunk) -> {
            if (out.size() + chunk.length > limit) {
                throw new ResponseTooLargeException(limit);
            }
            out.writeBytes(chunk);
            return out;
        }).map(ByteArrayOutputStream::toByteArray).defaultIfEmpty(new byte[0]);
    }
}
