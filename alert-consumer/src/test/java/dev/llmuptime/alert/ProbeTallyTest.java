package dev.llmuptime.alert;

import static dev.llmuptime.alert.IncidentFixtures.failure;
import static dev.llmuptime.alert.IncidentFixtures.success;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llmuptime.schema.Outcome;
import dev.llmuptime.schema.ProbeResult;
import dev.llmuptime.testkit.ProbeResults;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An incident's probes are counted once each, within the span and the target, and listed up to the limit. */
class ProbeTallyTest {

    private static final Instant FROM = Instant.parse("2026-11-29T10:00:00Z");
    private static final Instant TO = FROM.plusSeconds(600);

    @Test
    void countsEachProbeOfTheTargetInTheSpanOnce() {
        ProbeTally tally = new ProbeTally(IncidentFixtures.TARGET, FROM, TO, 100, 10);
        ProbeResult timeout = failure(FROM.plusSeconds(30), "us-east", Outcome.TIMEOUT, null, null, null).build();
        ProbeResult overloaded = failure(FROM, "eu-west", Outcome.SERVER_ERROR, 503, "server_error", "req_1").build();

        assertThat(tally.add(timeout)).isTrue();
        assertThat(tally.add(overloaded)).isTrue();
        assertThat(tally.add(overloaded)).as("written twice").isTrue();
        tally.add(success(FROM.plusSeconds(60), "eu-west"));
        tally.add(ProbeResults.of(IncidentFixtures.TARGET, FROM.plusSeconds(90), Outcome.SLOW).build());
        tally.add(failure(FROM.minusMillis(1), "eu-west", Outcome.SERVER_ERROR, 500, null, "req_before").build());
        tally.add(failure(TO.plusMillis(1), "eu-west", Outcome.SERVER_ERROR, 500, null, "req_after").build());
        tally.add(ProbeResults.of("other-target", FROM.plusSeconds(5), Outcome.SERVER_ERROR).build());
        EpisodeProbes probes = tally.result(null);

        assertThat(probes.total()).isEqualTo(4);
        assertThat(probes.failed()).isEqualTo(2);
        assertThat(probes.outcomes()).containsExactly(Map.entry("SERVER_ERROR", 1L), Map.entry("SLOW", 1L),
                Map.entry("SUCCESS", 1L), Map.entry("TIMEOUT", 1L));
        assertThat(probes.regions()).containsExactly("eu-west", "us-east");
        assertThat(probes.failures()).containsExactly(FailedProbe.of(overloaded), FailedProbe.of(timeout));
        assertThat(probes.unlisted()).isZero();
        assertThat(probes.incomplete()).isNull();
    }

    @Test
    void listsTheFirstFailuresUpToTheLimitAndStopsCountingWhenFull() {
        ProbeTally tally = new ProbeTally(IncidentFixtures.TARGET, FROM, TO, 3, 2);
        for (int i = 0; i < 3; i++) {
            assertThat(tally.add(failure(FROM.plusSeconds(i), "eu-west", Outcome.RATE_LIMITED, 429,
                    "rate_limit_exceeded", "req_" + i).build())).isTrue();
        }

        assertThat(tally.full()).isTrue();
        assertThat(tally.add(success(FROM.plusSeconds(10), "eu-west"))).isFalse();
        EpisodeProbes probes = tally.result("more than 3 probes");
        assertThat(probes.failed()).isEqualTo(3);
        assertThat(probes.failures()).extracting(FailedProbe::requestId).containsExactly("req_0", "req_1");
        assertThat(probes.unlisted()).isEqualTo(1);
        assertThat(probes.incomplete()).isEqualTo("more than 3 probes");
    }
}
