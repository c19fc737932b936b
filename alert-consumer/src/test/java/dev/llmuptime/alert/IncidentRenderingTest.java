package dev.llmuptime.alert;

import static dev.llmuptime.alert.IncidentFixtures.failure;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmuptime.schema.AlertEvent;
import dev.llmuptime.schema.Outcome;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** An incident as JSON and as a Markdown report is exactly its golden file under src/test/resources/golden. */
class IncidentRenderingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");
    private static final Instant ENDED = T0.plus(Duration.ofMinutes(12)).plusSeconds(30);
    private static final List<FailedProbe> FAILURES = List.of(
            FailedProbe.of(failure(T0.minusSeconds(5), "eu-west", Outcome.SERVER_ERROR, 503, "server_error",
                    "req_7f3a9c01").setProbeId("p-1").build()),
            FailedProbe.of(failure(T0.plusSeconds(25), "us-east", Outcome.TIMEOUT, null, null, null)
                    .setProbeId("p-2").build()),
            FailedProbe.of(failure(T0.plusSeconds(55), "eu-west", Outcome.RATE_LIMITED, 429, "rate_limit_exceeded",
                    "req_7f3a9c02").setProbeId("p-3").build()));

    @Test
    void aResolvedIncidentAsJson() throws IOException {
        // Read back as a client reads it: a count is then a number, whichever Java type wrote it.
        JsonNode rendered = JSON.readTree(IncidentJson.render(resolved()).toString());

        assertThat(rendered).isEqualTo(JSON.readTree(golden("incident.json")));
    }

    @Test
    void aResolvedIncidentAsAMarkdownReport() throws IOException {
        assertThat(IncidentMarkdown.render(resolved())).isEqualTo(golden("incident.md"));
    }

    @Test
    void aFiringIncidentRunsToNowAndSaysWhatWasLeftOut() {
        EpisodeProbes probes = new EpisodeProbes(T0.minusSeconds(5), T0.plusSeconds(90), 1_200, 1_001,
                Map.of("SERVER_ERROR", 1_001L, "SUCCESS", 199L), List.of("eu-west"), FAILURES.subList(0, 1), 1,
                "more than 100000 probes");
        AlertEvent firing = alert();
        Incident incident = new Incident(firing, "acknowledged", T0, null, T0.plusSeconds(90), T0.minusSeconds(300),
                List.of(), false, probes);

        JsonNode json = IncidentJson.render(incident);
        String markdown = IncidentMarkdown.render(incident);

        assertThat(json.path("endedAt").isNull()).isTrue();
        assertThat(json.path("durationSeconds").asLong()).isEqualTo(90);
        assertThat(json.path("probes").path("complete").asBoolean()).isFalse();
        assertThat(json.path("failuresUnlisted").asLong()).isEqualTo(1_000);
        assertThat(markdown).contains("| Window (UTC) | 2026-11-29T10:00:00Z to 2026-11-29T10:01:30Z (still failing) |")
                .contains("| Duration | 1 min 30 s |")
                .contains("| Note | not every probe was counted: more than 100000 probes |")
                .contains("1000 more failed probes are not listed: the report lists the first 1.")
                .contains("The timeline may be incomplete");
    }

    @Test
    void providerTextCannotBreakTheReportsTables() {
        EpisodeProbes probes = new EpisodeProbes(T0, T0.plusSeconds(60), 1, 1, Map.of("CLIENT_ERROR", 1L),
                List.of("eu|west"), List.of(FailedProbe.of(failure(T0, "eu|west", Outcome.CLIENT_ERROR, 400,
                        "bad|code `x`", "req 1|2").build())), 10, null);
        Incident incident = new Incident(alert(), "firing", T0, null, T0.plusSeconds(60), T0, List.of(), true, probes);

        String markdown = IncidentMarkdown.render(incident);

        assertThat(markdown).contains("| 2026-11-29T10:00:00Z | eu\\|west | CLIENT_ERROR | 400 | `badcodex` | `req12` |");
        assertThat(markdown.lines().filter(line -> line.startsWith("| 2026-11-29T10:00:00Z | eu")))
                .allSatisfy(line -> assertThat(line.replace("\\|", "").chars().filter(c -> c == '|').count())
                        .isEqualTo(7));
    }

    @Test
    void durationsReadAsPeopleSayThem() {
        assertThat(IncidentMarkdown.human(Duration.ofSeconds(5))).isEqualTo("5 s");
        assertThat(IncidentMarkdown.human(Duration.ofSeconds(750))).isEqualTo("12 min 30 s");
        assertThat(IncidentMarkdown.human(Duration.ofSeconds(3_605))).isEqualTo("1 h 0 min 5 s");
    }

    /** Three failed probes of eleven, a reminder and an acknowledgement, resolved after 12.5 minutes. */
    private static Incident resolved() {
        AlertEvent firing = alert();
        List<TimelineEntry> timeline = IncidentFixtures.story(firing, IncidentFixtures.resolved(T0, ENDED),
                        T0.plusSeconds(240)).stream()
                .map(notice -> IncidentFixtures.entry(notice, notice.event().getEndsAt() != null ? ENDED
                        : notice.kind() == NoticeKind.REMINDER ? T0.plusSeconds(180)
                        : notice.kind() == NoticeKind.ACKNOWLEDGED ? T0.plusSeconds(240) : T0))
                .map(TimelineEntry::of).flatMap(Optional::stream).toList();
        EpisodeProbes probes = new EpisodeProbes(T0.minusSeconds(5), ENDED, 11, 3,
                Map.of("SUCCESS", 8L, "SERVER_ERROR", 1L, "TIMEOUT", 1L, "RATE_LIMITED", 1L),
                List.of("eu-west", "us-east"), FAILURES, 1_000, null);
        return new Incident(firing, "resolved", T0, ENDED, ENDED.plusSeconds(60), T0.minusSeconds(300), timeline, true,
                probes);
    }

    private static AlertEvent alert() {
        return IncidentFixtures.firing(T0, failure(T0.minusSeconds(5), "eu-west", Outcome.SERVER_ERROR, 503,
                "server_error", "req_7f3a9c01").setProbeId("p-1").build());
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = IncidentRenderingTest.class.getResourceAsStream("/golden/" + name)) {
            assertThat(in).as("golden file %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
