package dev.llmuptime.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.function.Consumer;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads a server-sent event stream as it arrives, handing each JSON event to what a provider's
 * stream check makes of it. A body that is not an event stream, or an event that is not JSON,
 * makes the answer invalid whatever the reader thought of the rest.
 */
final class SseAnswer {

    /** What one stream has shown so far, and the answer it makes once it ends. Used on one thread at a time. */
    interface Reader {

        void accept(JsonNode event);

        /** The answer; {@code done} tells whether {@code data: [DONE]} came. May note the TTFT in {@code trace}. */
        Answer answer(boolean done, ProbeTrace trace);
    }

    private SseAnswer() {
    }

    static Mono<Answer> read(ObjectMapper json, Flux<byte[]> body, Supplier<Reader> readers, ProbeTrace trace) {
        return Mono.defer(() -> {
            SseJsonEvents events = new SseJsonEvents(json);
            Reader reader = readers.get();
            SseLines lines = new SseLines(BoundedBody.MAX_BYTES);
            Consumer<String> onLine = line -> {
                JsonNode event = events.data(line);
                if (event != null) {
                    reader.accept(event);
                }
            };
            return body.doOnNext(chunk -> lines.feed(chunk, onLine))
                    .then(Mono.fromSupplier(() -> {
                        lines.finish(onLine);
                        // Asked first, so the time to first token is noted even when the stream is invalid.
                        Answer answer = reader.answer(events.done(), trace);
                        Answer problem = events.problem();
                        return problem != null ? problem : answer;
                    }));
        });
    }
}
