package dev.llmuptime.probe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmuptime.schema.Outcome;
import java.util.Set;

/**
 * One Gemini {@code GenerateContentResponse}: the whole answer of {@code generateContent}, or one
 * event of {@code streamGenerateContent}. Fields it does not carry are null.
 */
record GeminiChunk(boolean hasCandidate, String text, String finishReason, Integer outputTokens, String blockReason,
        String responseId) {

    /** Finish reasons of an answer that ended as asked; every other one (SAFETY, RECITATION, ...) cut it short. */
    private static final Set<String> NORMAL_FINISH = Set.of("STOP", "MAX_TOKENS");

    static GeminiChunk of(JsonNode root) {
        JsonNode candidate = root.path("candidates").path(0);
        StringBuilder text = new StringBuilder();
        for (JsonNode part : candidate.path("content").path("parts")) {
            // Thought summaries are not the answer.
            if (!part.path("thought").asBoolean(false)) {
                text.append(part.path("text").asText(""));
            }
        }
        JsonNode tokens = root.path("usageMetadata").path("candidatesTokenCount");
        return new GeminiChunk(!candidate.isMissingNode(), text.toString(), textOrNull(candidate.path("finishReason")),
                tokens.isNumber() ? tokens.asInt() : null, textOrNull(root.path("promptFeedback").path("blockReason")),
                textOrNull(root.path("responseId")));
    }

    /** The mismatch an answer ending with {@code finishReason} makes, or null if it is usable. */
    static Answer mismatch(String blockReason, String finishReason, String text) {
        if (blockReason != null) {
            return Answer.failed(Outcome.CONTENT_MISMATCH, "the prompt was blocked (blockReason " + blockReason + ")",
                    blockReason);
        }
        if (!NORMAL_FINISH.contains(finishReason)) {
            return Answer.failed(Outcome.CONTENT_MISMATCH, "the answer was stopped (finishReason " + finishReason + ")",
                    finishReason);
        }
        if (text.isBlank()) {
            return Answer.failed(Outcome.CONTENT_MISMATCH, "empty answer (finishReason " + finishReason + ")");
        }
        return null;
    }

    /** Gemini sends no request id header; the response id identifies the answer instead. */
    static void noteResponseId(String responseId, ProbeTrace trace) {
        if (trace.requestId == null && responseId != null) {
            trace.requestId = responseId;
        }
    }

    private static String textOrNull(JsonNode node) {
        return node.isTextual() ? node.asText() : null;
    }
}
