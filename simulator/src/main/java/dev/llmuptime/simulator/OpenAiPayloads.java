package dev.llmuptime.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Healthy answers of the OpenAI API, built as OpenAI sends them (JSON and SSE). */
final class OpenAiPayloads {

    private static final int EMBEDDING_DIMENSIONS = 8;

    private final ObjectMapper json;
    private final Pacing pacing;

    OpenAiPayloads(ObjectMapper json, Pacing pacing) {
        this.json = json;
        this.pacing = pacing;
    }

    String models(List<String> models, long created) {
        ObjectNode root = json.createObjectNode().put("object", "list");
        ArrayNode data = root.putArray("data");
        models.forEach(model -> data.add(model(model, created)));
        return root.toString();
    }

    ObjectNode model(String model, long created) {
        return json.createObjectNode().put("id", model).put("object", "model").put("created", created)
                .put("owned_by", "llm-uptime-simulator");
    }

    /** The completion {@code request} asks for, streamed or not, with a fresh id. */
    Reply completion(ChatRequest request, SimulatedAnswer answer, String id, Map<String, String> headers) {
        long created = Instant.now().getEpochSecond();
        return request.stream()
                ? chatStream(request, answer, id, created, Responder.withContentType(headers, Responder.EVENT_STREAM))
                : chat(request, answer, id, created, headers);
    }

    /** A non-streamed completion, sent after the time the model takes to generate it. */
    private Reply chat(ChatRequest request, SimulatedAnswer answer, String id, long created, Map<String, String> headers) {
        ObjectNode root = json.createObjectNode().put("id", id).put("object", "chat.completion")
                .put("created", created).put("model", request.model()).put("system_fingerprint", "fp_sim");
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", answer.text()).putNull("refusal");
        choice.putNull("logprobs").put("finish_reason", finishReason(answer));
        addFilterResults(choice, answer);
        root.set("usage", usage(request.promptTokens(), answer.size()));
        return Reply.json(200, headers, answer.generation(pacing), root.toString());
    }

    /** A streamed completion: role, one event per token, finish reason, usage if asked, [DONE]. */
    private Reply chatStream(ChatRequest request, SimulatedAnswer answer, String id, long created,
            Map<String, String> headers) {
        List<Reply.Part> events = new ArrayList<>();
        events.add(event(Duration.ZERO, chunk(request, id, created, delta("assistant", ""), null).toString()));
        for (int i = 0; i < answer.size(); i++) {
            events.add(event(SimulatedAnswer.before(i, pacing),
                    chunk(request, id, created, delta(null, answer.tokens().get(i)), null).toString()));
        }
        ObjectNode last = chunk(request, id, created, json.createObjectNode(), finishReason(answer));
        addFilterResults((ObjectNode) last.path("choices").path(0), answer);
        events.add(event(Duration.ZERO, last.toString()));
        if (request.includeUsage()) {
            ObjectNode usageChunk = chunkHeader(request, id, created);
            usageChunk.putArray("choices");
            usageChunk.set("usage", usage(request.promptTokens(), answer.size()));
            events.add(event(Duration.ZERO, usageChunk.toString()));
        }
        events.add(new Reply.Part(Duration.ZERO, "data: [DONE]\n\n"));
        return new Reply(200, headers, events);
    }

    String embeddings(String model, List<String> inputs) {
        ObjectNode root = json.createObjectNode().put("object", "list");
        ArrayNode data = root.putArray("data");
        int promptTokens = 0;
        for (int i = 0; i < inputs.size(); i++) {
            ArrayNode vector = data.addObject().put("object", "embedding").put("index", i).putArray("embedding");
            int seed = inputs.get(i).hashCode();
            for (int d = 0; d < EMBEDDING_DIMENSIONS; d++) {
                vector.add(Math.sin(seed + d) / 2);
            }
            promptTokens += Math.max(1, inputs.get(i).split("\\s+").length);
        }
        root.put("model", model);
        root.putObject("usage").put("prompt_tokens", promptTokens).put("total_tokens", promptTokens);
        return root.toString();
    }

    private static String finishReason(SimulatedAnswer answer) {
        return switch (answer.ending()) {
            case COMPLETE -> "stop";
            case MAX_TOKENS -> "length";
            case FILTERED -> "content_filter";
        };
    }

    /** Azure names the categories its filter judged; a filtered answer was judged violent. */
    private void addFilterResults(ObjectNode choice, SimulatedAnswer answer) {
        if (answer.ending() == SimulatedAnswer.Ending.FILTERED) {
            ObjectNode results = choice.putObject("content_filter_results");
            results.putObject("hate").put("filtered", false).put("severity", "safe");
            results.putObject("violence").put("filtered", true).put("severity", "medium");
        }
    }

    private ObjectNode usage(int promptTokens, int completionTokens) {
        return json.createObjectNode().put("prompt_tokens", promptTokens).put("completion_tokens", completionTokens)
                .put("total_tokens", promptTokens + completionTokens);
    }

    private ObjectNode delta(String role, String content) {
        ObjectNode delta = json.createObjectNode();
        if (role != null) {
            delta.put("role", role);
        }
        delta.put("content", content);
        if (role != null) {
            delta.putNull("refusal");
        }
        return delta;
    }

    private ObjectNode chunkHeader(ChatRequest request, String id, long created) {
        return json.createObjectNode().put("id", id).put("object", "chat.completion.chunk").put("created", created)
                .put("model", request.model()).put("system_fingerprint", "fp_sim");
    }

    private ObjectNode chunk(ChatRequest request, String id, long created, JsonNode delta, String finishReason) {
        ObjectNode chunk = chunkHeader(request, id, created);
        ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
        choice.set("delta", delta);
        choice.putNull("logprobs");
        if (finishReason == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finishReason);
        }
        if (request.includeUsage()) {
            chunk.putNull("usage");
        }
        return chunk;
    }

    private static Reply.Part event(Duration delay, String data) {
        return new Reply.Part(delay, "data: " + data + "\n\n");
    }
}
