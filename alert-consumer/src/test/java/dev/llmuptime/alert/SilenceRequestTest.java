package dev.llmuptime.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmuptime.config.AlertMatch;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The body of a new silence: what is read, and a 400 naming the field for each mistake. */
class SilenceRequestTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-29T16:00:00Z");

    @Test
    void everyFieldIsRead() throws Exception {
        Silence silence = parse("""
                {"match": {"target": "openai-*", "severity": "critical"}, "startsAt": "2026-11-29T17:00:00Z",
                 "endsAt": "2026-11-29T18:00:00Z", "comment": "provider maintenance", "createdBy": "alice"}""");

        assertThat(silence).isEqualTo(new Silence("s1", new AlertMatch(null, "critical", "openai-*", null, null, null),
                Instant.parse("2026-11-29T17:00:00Z"), Instant.parse("2026-11-29T18:00:00Z"), "provider maintenance",
                "alice"));
    }

    @Test
    void withoutStartsAtItStartsNowAndWithoutCommentItHasAnEmptyOne() throws Exception {
        Silence silence = parse("""
                {"match": {"rule": "slow"}, "endsAt": "2026-11-29T18:00:00Z", "createdBy": "alice"}""");

        assertThat(silence.startsAt()).isEqualTo(NOW);
        assertThat(silence.comment()).isEmpty();
    }

    @Test
    void unknownMatchKeySuggestsTheNearestOne() {
        assertBad("""
                {"match": {"severty": "critical"}, "endsAt": "2026-11-29T18:00:00Z", "createdBy": "a"}""",
                "unknown match key 'severty' (did you mean 'severity'?); expected one of rule, severity, target, model, "
                        + "provider, region");
    }

    @Test
    void unknownField() {
        assertBad("""
                {"match": {"rule": "x"}, "ends": "2026-11-29T18:00:00Z", "createdBy": "a"}""",
                "unknown field 'ends' (did you mean 'endsAt'?); expected one of match, startsAt, endsAt, comment, createdBy");
    }

    @Test
    void endsBeforeItStarts() {
        assertBad("""
                {"match": {"rule": "x"}, "startsAt": "2026-11-29T18:00:00Z", "endsAt": "2026-11-29T17:00:00Z",
                 "createdBy": "a"}""", "endsAt (2026-11-29T17:00:00Z) must be after startsAt (2026-11-29T18:00:00Z)");
    }

    @Test
    void endsInThePast() {
        assertBad("""
                {"match": {"rule": "x"}, "startsAt": "2026-11-29T10:00:00Z", "endsAt": "2026-11-29T11:00:00Z",
                 "createdBy": "a"}""", "endsAt (2026-11-29T11:00:00Z) is in the past");
    }

    @Test
    void badTime() {
        assertBad("""
                {"match": {"rule": "x"}, "endsAt": "tomorrow", "createdBy": "a"}""",
                "endsAt must be an ISO-8601 time such as 2026-11-29T18:00:00Z, got 'tomorrow'");
    }

    @Test
    void missingEndsAt() {
        assertBad("""
                {"match": {"rule": "x"}, "createdBy": "a"}""",
                "endsAt is required: when the silence ends, e.g. 2026-11-29T18:00:00Z");
    }

    @Test
    void emptyOrMissingMatch() {
        String expected = "match is required: an object with at least one of rule, severity, target, model, provider, "
                + "region (globs, as in alerts.routes)";
        assertBad("""
                {"match": {}, "endsAt": "2026-11-29T18:00:00Z", "createdBy": "a"}""", expected);
        assertBad("""
                {"endsAt": "2026-11-29T18:00:00Z", "createdBy": "a"}""", expected);
    }

    @Test
    void emptyGlob() {
        assertBad("""
                {"match": {"target": ""}, "endsAt": "2026-11-29T18:00:00Z", "createdBy": "a"}""",
                "match.target must be a non-empty string (a glob)");
    }

    @Test
    void missingCreatedBy() {
        assertBad("""
                {"match": {"rule": "x"}, "endsAt": "2026-11-29T18:00:00Z"}""",
                "createdBy is required: who sets the silence");
    }

    @Test
    void notAnObject() {
        assertBad("[1, 2]", "the body must be a JSON object with match, startsAt, endsAt, comment, createdBy");
    }

    private static Silence parse(String json) throws Exception {
        return SilenceRequest.parse(JSON.readTree(json), "s1", NOW);
    }

    private static void assertBad(String json, String message) {
        assertThatThrownBy(() -> {
            JsonNode body = JSON.readTree(json);
            SilenceRequest.parse(body, "s1", NOW);
        }).isInstanceOfSatisfying(ApiProblem.class, problem -> {
            assertThat(problem.status()).isEqualTo(400);
            assertThat(problem.getMessage()).isEqualTo(message);
        });
    }
}
