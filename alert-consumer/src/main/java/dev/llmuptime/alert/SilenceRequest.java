package dev.llmuptime.alert;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmuptime.config.AlertMatch;
import dev.llmuptime.config.DidYouMean;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /api/v1/silences}, checked: a {@code match} on the routes' keys (at least
 * one), {@code endsAt} after {@code startsAt} (default: now) and in the future, {@code createdBy};
 * {@code comment} is optional. Every problem is a 400 naming the field.
 */
final class SilenceRequest {

    static final List<String> FIELDS = List.of("match", "startsAt", "endsAt", "comment", "createdBy");
    static final List<String> MATCH_KEYS = List.of("rule", "severity", "target", "model", "provider", "region");

    private SilenceRequest() {
    }

    /** The silence {@code body} asks for, with id {@code id}, as of {@code now}; its times in whole milliseconds, as holds are decided. */
    static Silence parse(JsonNode body, String id, Instant at) {
        Instant now = at.truncatedTo(ChronoUnit.MILLIS);
        if (body == null || !body.isObject()) {
            throw ApiProblem.badRequest("the body must be a JSON object with " + String.join(", ", FIELDS));
        }
        checkKnown(body, FIELDS, "field");
        AlertMatch match = match(body.get("match"));
        Instant startsAt = body.hasNonNull("startsAt") ? instant(body, "startsAt") : now;
        Instant endsAt = instant(body, "endsAt");
        if (endsAt == null) {
            throw ApiProblem.badRequest("endsAt is required: when the silence ends, e.g. 2026-11-29T18:00:00Z");
        }
        if (!endsAt.isAfter(startsAt)) {
            throw ApiProblem.badRequest("endsAt (" + endsAt + ") must be after startsAt (" + startsAt + ")");
        }
        if (!endsAt.isAfter(now)) {
            throw ApiProblem.badRequest("endsAt (" + endsAt + ") is in the past");
        }
        String createdBy = text(body, "createdBy");
        if (createdBy == null || createdBy.isBlank()) {
            throw ApiProblem.badRequest("createdBy is required: who sets the silence");
        }
        String comment = text(body, "comment");
        return new Silence(id, match, startsAt, endsAt, comment == null ? "" : comment, createdBy);
    }

    private static AlertMatch match(JsonNode node) {
        if (node == null || !node.isObject() || node.isEmpty()) {
            throw ApiProblem.badRequest("match is required: an object with at least one of "
                    + String.join(", ", MATCH_KEYS) + " (globs, as in alerts.routes)");
        }
        checkKnown(node, MATCH_KEYS, "match key");
        Map<String, String> globs = new HashMap<>();
        node.fields().forEachRemaining(field -> {
            if (!field.getValue().isTextual() || field.getValue().asText().isBlank()) {
                throw ApiProblem.badRequest("match." + field.getKey() + " must be a non-empty string (a glob)");
            }
            globs.put(field.getKey(), field.getValue().asText());
        });
        return new AlertMatch(globs.get("rule"), globs.get("severity"), globs.get("target"), globs.get("model"),
                globs.get("provider"), globs.get("region"));
    }

    private static void checkKnown(JsonNode object, List<String> known, String what) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw ApiProblem.badRequest("unknown " + what + " '" + name + "'" + DidYouMean.suggest(name, known)
                        + "; expected one of " + String.join(", ", known));
            }
        }
    }

    private static Instant instant(JsonNode body, String field) {
        String text = text(body, field);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text).truncatedTo(ChronoUnit.MILLIS);
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest(field + " must be an ISO-8601 time such as 2026-11-29T18:00:00Z, got '" + text
                    + "'");
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ApiProblem.badRequest(field + " must be a string");
        }
        return value.asText();
    }
}
