package dev.llmuptime.probe;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmuptime.config.TargetConfig;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A check whose answer is a server-sent event stream, read by the provider's reader of its events. */
sealed interface StreamCheck extends ProbeCheck permits ChatStreamCheck, AnthropicStreamCheck, GeminiStreamCheck {

    ObjectMapper json();

    /** A reader for one stream: each probe gets its own, as a reader keeps what its stream has shown. */
    SseAnswer.Reader newReader();

    @Override
    default Mono<Answer> read(TargetConfig target, Flux<byte[]> body, ProbeTrace trace) {
        return SseAnswer.read(json(), body, this::newReader, trace);
    }
}
