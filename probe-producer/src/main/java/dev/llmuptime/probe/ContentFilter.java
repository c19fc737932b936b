package dev.llmuptime.probe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmuptime.schema.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An answer OpenAI's or Azure's content filter stopped ({@code finish_reason: content_filter}):
 * the model answered, but not with what was asked, so it is a content mismatch. Azure names the
 * categories it filtered in {@code content_filter_results}.
 */
final class ContentFilter {

    static final String FINISH_REASON = "content_filter";

    private ContentFilter() {
    }

    /** The mismatch, naming every category marked filtered in {@code results} with its severity. */
    static Answer stopped(JsonNode results) {
        List<String> categories = new ArrayList<>();
        for (Map.Entry<String, JsonNode> category : results.properties()) {
            if (category.getValue().path("filtered").asBoolean(false)) {
                String severity = category.getValue().path("severity").asText("");
                categories.add(category.getKey() + (severity.isEmpty() ? "" : ": " + severity));
            }
        }
        return Answer.failed(Outcome.CONTENT_MISMATCH, "the content filter stopped the answer"
                + (categories.isEmpty() ? "" : " (" + String.join(", ", categories) + ")"), FINISH_REASON);
    }
}
