package dev.llmuptime.probe;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmuptime.config.CheckType;
import dev.llmuptime.config.TargetConfig;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** One kind of probe: the request it sends and how it reads a 2xx answer. */
sealed interface ProbeCheck permits ModelsCheck, ChatCheck, ChatStreamCheck, EmbeddingsCheck {

    static ProbeCheck of(CheckType type, ObjectMapper json) {
        return switch (type) {
            case MODELS -> new ModelsCheck(json);
            case CHAT -> new ChatCheck(json);
            case CHAT_STREAM -> new ChatStreamCheck(json);
            case EMBEDDINGS -> new EmbeddingsCheck(json);
        };
    }

    /** What to send to {@code target}. */
    ProbeRequest request(TargetConfig target);

    /** Reads a 2xx body (already bounded in size) into an answer; may note the TTFT in {@code trace}. */
    Mono<Answer> read(TargetConfig target, Flux<byte[]> body, ProbeTrace trace);
}
