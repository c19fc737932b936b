package dev.llmuptime.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmuptime.schema.Outcome;
import java.io.IOException;

/**
 * The data fields of a server-sent event stream, as JSON, line by line; and what makes the stream
 * itself unusable (not SSE at all, or an event that is not JSON). Every provider streams this way;
 * what the events mean is the check's business.
 */
final class SseJsonEvents {

    private final ObjectMapper json;
    private int events;
    private int foreignLines;
    private boolean done;
    private String malformed;

    SseJsonEvents(ObjectMapper json) {
        this.json = json;
    }

    /**
     * The JSON of a data line; null for every other line, for OpenAI's {@code data: [DONE]}, and for
     * everything after it or after a malformed event.
     */
    JsonNode data(String line) {
        if (!line.startsWith("data:")) {
            // Blank lines end events; comments, event, id and retry fields carry nothing a probe needs.
            if (!(line.isEmpty() || line.startsWith(":") || line.startsWith("event:") || line.startsWith("id:")
                    || line.startsWith("retry:"))) {
                foreignLines++;
            }
            return null;
        }
        String data = line.substring(5).trim();
        events++;
        if (data.equals("[DONE]")) {
            done = true;
            return null;
        }
        if (done || malformed != null) {
            return null;
        }
        try {
            return json.readTree(data);
        } catch (IOException e) {
            malformed = data.length() > 40 ? data.substring(0, 40) + "…" : data;
            return null;
        }
    }

    /** Whether {@code data: [DONE]} arrived. */
    boolean done() {
        return done;
    }

    /** INVALID_RESPONSE if the body was not an event stream or an event was not JSON; null if it was fine. */
    Answer problem() {
        if (malformed != null) {
            return Answer.failed(Outcome.INVALID_RESPONSE, "malformed SSE event: " + malformed);
        }
        if (events == 0 && foreignLines > 0) {
            return Answer.failed(Outcome.INVALID_RESPONSE, "answer is not a server-sent event stream");
        }
        return null;
    }
}
