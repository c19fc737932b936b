package dev.llmuptime.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmuptime.schema.Outcome;
import java.io.IOException;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads a whole, bounded JSON answer; a body that is not JSON is an invalid response, named as {@code what}. */
final class JsonBody {

    private JsonBody() {
    }

    static Mono<Answer> read(ObjectMapper json, Flux<byte[]> body, String what, Function<JsonNode, Answer> reader) {
        return BoundedBody.collect(body, BoundedBody.MAX_BYTES).map(bytes -> {
            JsonNode root;
            try {
                root = json.readTree(bytes);
            } catch (IOException e) {
                return Answer.failed(Outcome.INVALID_RESPONSE, what + " is not JSON");
            }
            return reader.apply(root);
        });
    }
}
