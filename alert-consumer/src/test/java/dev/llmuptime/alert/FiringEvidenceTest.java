package dev.llmuptime.alert;

import static dev.llmuptime.alert.IntermittentErrorsTest.ofRule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llmuptime.alert.IntermittentErrorsTest.Transition;
import dev.llmuptime.schema.AlertStatus;
import dev.llmuptime.schema.Outcome;
import dev.llmuptime.schema.ProbeEvidence;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A FIRING alert carries the failed probes of its episode, taken from the stats' latest failed probes:
 * for {@code down} its current run, for other rules those from one window before the episode began;
 * never those of an earlier episode. Probes every 5 s, the engine's clock 100 ms behind each probe.
 */
class FiringEvidenceTest {

    private static final int MINUTE = 12;

    @Test
    void downCarriesItsRunOfFailuresAndNotThoseOfTheEpisodeBefore() {
        int first = 10 * MINUTE;
        int second = first + 10;
        List<Transition> down = ofRule("down", IntermittentErrorsTest.run(RuleEngineTest.engine(""), 20 * MINUTE,
                probe -> probe >= first && probe < first + 3 || probe == second || probe == second + 1
                        ? Outcome.SERVER_ERROR : Outcome.SUCCESS));

        List<Transition> firing = down.stream().filter(t -> t.status() == AlertStatus.FIRING).toList();
        assertThat(firing).extracting(Transition::probe).containsExactly(first + 1, second + 1);
        assertThat(requestIds(firing.get(0))).containsExactlyElementsOf(requestIdsOf(first, first + 1));
        assertThat(requestIds(firing.get(1))).as("within a minute of the first run, but not of this one")
                .containsExactlyElementsOf(requestIdsOf(second, second + 1));
        assertThat(firing.get(1).event().getEvidence()).allSatisfy(probe -> {
            assertThat(probe.getOutcome()).isEqualTo(Outcome.SERVER_ERROR);
            assertThat(probe.getHttpStatus()).isEqualTo(503);
            assertThat(probe.getRegion()).isEqualTo("local");
        });
        assertThat(down).filteredOn(t -> t.status() == AlertStatus.RESOLVED).isNotEmpty()
                .allSatisfy(t -> assertThat(t.event().getEvidence()).isEmpty());
    }

    @Test
    void aWindowRuleCarriesTheFailuresOfItsWindowAndNotOlderOnes() {
        int old = 2;
        int outage = 30;
        List<Transition> errors = ofRule("errors", IntermittentErrorsTest.run(RuleEngineTest.engine("""
                        alerts:
                          rules:
                            - {name: errors, window: 1m, condition: "error-rate > 0.2", min-samples: 5}
                        """), 4 * MINUTE,
                probe -> probe == old || probe >= outage && probe < outage + 4 ? Outcome.TIMEOUT : Outcome.SUCCESS));

        Transition fired = errors.get(0);
        assertThat(fired.status()).isEqualTo(AlertStatus.FIRING);
        assertThat(fired.probe()).isBetween(outage + 1, outage + 3);
        assertThat(requestIds(fired)).as("the failure two minutes before is still among the stats' latest, but older")
                .containsExactlyElementsOf(requestIdsOf(outage, fired.probe()));
    }

    @Test
    void aRegionsWarningCarriesOnlyThatRegionsFailures() {
        List<Transition> warnings = ofRule("down-region", RegionQuorumTest.run(RuleEngineTest.engine(""),
                List.of("eu", "us"), 10 * MINUTE, (region, round) -> region.equals("eu")
                        && round >= 5 * MINUTE && round < 6 * MINUTE ? Outcome.SERVER_ERROR : Outcome.SUCCESS,
                (region, round) -> true));

        assertThat(warnings.get(0).status()).isEqualTo(AlertStatus.FIRING);
        assertThat(warnings.get(0).event().getEvidence()).hasSize(2)
                .extracting(ProbeEvidence::getRegion).containsOnly("eu");
    }

    private static List<String> requestIds(Transition transition) {
        return transition.event().getEvidence().stream().map(ProbeEvidence::getRequestId).toList();
    }

    /** The request ids of the probes {@code from} to {@code to}, both included, 5 s apart from T0. */
    private static List<String> requestIdsOf(int from, int to) {
        return IntStream.rangeClosed(from, to)
                .mapToObj(probe -> ProbeSequence.requestId(Instant.ofEpochMilli(
                        StatsFixtures.T0.toEpochMilli() + probe * 5_000L)))
                .toList();
    }
}
