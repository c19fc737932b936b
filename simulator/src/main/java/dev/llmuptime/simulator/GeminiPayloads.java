package dev.llmuptime.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Healthy answers of Gemini's generateContent, built as Google sends them: one JSON answer, or a
 * stream of partial answers, the last with the finish reason and token counts. The stream is
 * server-sent events with {@code alt=sse}, else one JSON array; it has no terminator event.
 */
final class GeminiPayloads {

    private final ObjectMapper json;
    private final Pacing pacing;

    GeminiPayloads(ObjectMapper json, Pacing pacing) {
        this.json = json;
        this.pacing = pacing;
    }

    String models(List<String> models) {
        ObjectNode root = json.createObjectNode();
        ArrayNode list = root.putArray("models");
        models.forEach(model -> list.add(model(model)));
        return root.toString();
    }

    ObjectNode model(String model) {
        ObjectNode root = json.createObjectNode().put("name", "models/" + model).put("version", "001")
                .put("displayName", model).put("inputTokenLimit", 1_048_576).put("outputTokenLimit", 8192);
        root.putArray("supportedGenerationMethods").add("generateContent").add("countTokens");
        return root;
    }

    /** A whole answer, sent after the time the model takes to generate it. */
    Reply generate(ChatRequest request, SimulatedAnswer answer, String responseId, Map<String, String> headers) {
        ObjectNode root = chunk(request, answer.text(), responseId);
        finish((ObjectNode) root.path("candidates").path(0), root, request, answer);
        return Reply.json(200, headers, answer.generation(pacing), root.toString());
    }

    /** One partial answer per token; {@code sse} chooses server-sent events over a JSON array. */
    Reply stream(ChatRequest request, SimulatedAnswer answer, String responseId, Map<String, String> headers,
            boolean sse) {
        List<Reply.Part> parts = new ArrayList<>();
        for (int i = 0; i < answer.size(); i++) {
            ObjectNode chunk = chunk(request, answer.tokens().get(i), responseId);
            if (i == answer.size() - 1) {
                finish((ObjectNode) chunk.path("candidates").path(0), chunk, request, answer);
            }
            String text = sse ? "data: " + chunk + "\r\n\r\n" : (i == 0 ? "[" : ",\r\n") + chunk;
            parts.add(new Reply.Part(SimulatedAnswer.before(i, pacing), text));
        }
        if (!sse) {
            parts.add(new Reply.Part(Duration.ZERO, "]"));
        }
        return new Reply(200, headers, parts);
    }

    private ObjectNode chunk(ChatRequest request, String text, String responseId) {
        ObjectNode root = json.createObjectNode();
        ObjectNode candidate = root.putArray("candidates").addObject();
        ObjectNode content = candidate.putObject("content");
        content.putArray("parts").addObject().put("text", text);
        content.put("role", "model");
        candidate.put("index", 0);
        root.putObject("usageMetadata").put("promptTokenCount", request.promptTokens())
                .put("totalTokenCount", request.promptTokens());
        root.put("modelVersion", request.model()).put("responseId", responseId);
        return root;
    }

    private static void finish(ObjectNode candidate, ObjectNode root, ChatRequest request, SimulatedAnswer answer) {
        candidate.put("finishReason", switch (answer.ending()) {
            case COMPLETE -> "STOP";
            case MAX_TOKENS -> "MAX_TOKENS";
            case FILTERED -> "SAFETY";
        });
        if (answer.ending() == SimulatedAnswer.Ending.FILTERED) {
            candidate.putArray("safetyRatings").addObject().put("category", "HARM_CATEGORY_DANGEROUS_CONTENT")
                    .put("probability", "MEDIUM").put("blocked", true);
        }
        ((ObjectNode) root.path("usageMetadata")).put("candidatesTokenCount", answer.size())
                .put("totalTokenCount", request.promptTokens() + answer.size());
    }
}
