package dev.llmuptime.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Healthy answers of Anthropic's Messages API, built as Anthropic sends them (JSON and SSE). */
final class AnthropicPayloads {

    private static final String CREATED_AT = "2025-01-01T00:00:00Z";

    private final ObjectMapper json;
    private final Pacing pacing;

    AnthropicPayloads(ObjectMapper json, Pacing pacing) {
        this.json = json;
        this.pacing = pacing;
    }

    String models(List<String> models) {
        ObjectNode root = json.createObjectNode();
        ArrayNode data = root.putArray("data");
        models.forEach(model -> data.add(model(model)));
        root.put("has_more", false).put("first_id", models.isEmpty() ? null : models.get(0))
                .put("last_id", models.isEmpty() ? null : models.get(models.size() - 1));
        return root.toString();
    }

    ObjectNode model(String model) {
        return json.createObjectNode().put("type", "model").put("id", model).put("display_name", model)
                .put("created_at", CREATED_AT);
    }

    /** A non-streamed message, sent after the time the model takes to generate it. */
    Reply message(ChatRequest request, SimulatedAnswer answer, String id, Map<String, String> headers) {
        ObjectNode root = messageHeader(request, id);
        root.putArray("content").addObject().put("type", "text").put("text", answer.text());
        root.put("stop_reason", stopReason(answer)).putNull("stop_sequence");
        root.putObject("usage").put("input_tokens", request.promptTokens()).put("output_tokens", answer.size());
        return Reply.json(200, headers, answer.generation(pacing), root.toString());
    }

    /**
     * A streamed message: message_start, a text block of one delta per token, message_delta with
     * the stop reason and output tokens, message_stop.
     */
    Reply messageStream(ChatRequest request, SimulatedAnswer answer, String id, Map<String, String> headers) {
        List<Reply.Part> events = new ArrayList<>();
        ObjectNode start = json.createObjectNode().put("type", "message_start");
        ObjectNode message = messageHeader(request, id);
        message.putArray("content");
        message.putNull("stop_reason").putNull("stop_sequence");
        message.putObject("usage").put("input_tokens", request.promptTokens()).put("output_tokens", 1);
        start.set("message", message);
        events.add(event(Duration.ZERO, start));
        ObjectNode blockStart = json.createObjectNode().put("type", "content_block_start").put("index", 0);
        blockStart.putObject("content_block").put("type", "text").put("text", "");
        events.add(event(Duration.ZERO, blockStart));
        events.add(event(Duration.ZERO, json.createObjectNode().put("type", "ping")));
        for (int i = 0; i < answer.size(); i++) {
            ObjectNode delta = json.createObjectNode().put("type", "content_block_delta").put("index", 0);
            delta.putObject("delta").put("type", "text_delta").put("text", answer.tokens().get(i));
            events.add(event(SimulatedAnswer.before(i, pacing), delta));
        }
        events.add(event(Duration.ZERO, json.createObjectNode().put("type", "content_block_stop").put("index", 0)));
        ObjectNode messageDelta = json.createObjectNode().put("type", "message_delta");
        messageDelta.putObject("delta").put("stop_reason", stopReason(answer)).putNull("stop_sequence");
        messageDelta.putObject("usage").put("output_tokens", answer.size());
        events.add(event(Duration.ZERO, messageDelta));
        events.add(event(Duration.ZERO, json.createObjectNode().put("type", "message_stop")));
        return new Reply(200, headers, events);
    }

    private ObjectNode messageHeader(ChatRequest request, String id) {
        return json.createObjectNode().put("id", "msg_" + id).put("type", "message").put("role", "assistant")
                .put("model", request.model());
    }

    private static String stopReason(SimulatedAnswer answer) {
        return switch (answer.ending()) {
            case COMPLETE -> "end_turn";
            case MAX_TOKENS -> "max_tokens";
            case FILTERED -> "refusal";
        };
    }

    /** An event whose name is its data's type, as Anthropic sends every event. */
    private static Reply.Part event(Duration delay, ObjectNode data) {
        return new Reply.Part(delay, "event: " + data.path("type").asText() + "\ndata: " + data + "\n\n");
    }
}
