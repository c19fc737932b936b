package dev.llmuptime.probe;

import dev.llmuptime.config.TargetConfig;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** One kind of probe in one provider's dialect: the request it sends and how it reads a 2xx answer. */
sealed interface ProbeCheck permits ModelsCheck, ChatCheck, EmbeddingsCheck, ModelInfoCheck, AnthropicChatCheck,
        GeminiChatCheck, StreamCheck {

    /** What to send to {@code target}. */
    ProbeRequest request(TargetConfig target);

    /** Reads a 2xx body (already bounded in size) into an answer; may note the TTFT in {@code trace}. */
    Mono<Answer> read(TargetConfig target, Flux<byte[]> body, ProbeTrace trace);
}
