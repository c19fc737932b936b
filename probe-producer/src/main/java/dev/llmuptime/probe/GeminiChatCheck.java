package dev.llmuptime.probe;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmuptime.config.TargetConfig;
import dev.llmuptime.schema.Outcome;
import io.netty.handler.codec.http.HttpMethod;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A tiny non-streamed Gemini {@code generateContent}: the first candidate's text is the answer. */
record GeminiChatCheck(ObjectMapper json) implements ProbeCheck {

    @Override
    public ProbeRequest request(TargetConfig target) {
        return new ProbeRequest(HttpMethod.POST, "/models/" + target.model() + ":generateContent",
                GeminiRequestBody.of(json, target), "application/json");
    }

    @Override
    public Mono<Answer> read(TargetConfig target, Flux<byte[]> body, ProbeTrace trace) {
        return JsonBody.read(json, body, "answer", root -> {
            GeminiChunk answer = GeminiChunk.of(root);
            GeminiChunk.noteResponseId(answer.responseId(), trace);
            if (!answer.hasCandidate() && answer.blockReason() == null) {
                return Answer.failed(Outcome.INVALID_RESPONSE, "answer has no candidates");
            }
            Answer mismatch = GeminiChunk.mismatch(answer.blockReason(), answer.finishReason(), answer.text());
            return mismatch != null ? mismatch : Answer.ok(answer.text(), answer.outputTokens(), null);
        });
    }
}
