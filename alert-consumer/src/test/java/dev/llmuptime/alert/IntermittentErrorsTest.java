package dev.llmuptime.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.llmuptime.schema.AlertEvent;
import dev.llmuptime.schema.AlertStatus;
import dev.llmuptime.schema.Outcome;
import dev.llmuptime.schema.WindowStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * The default {@code down} rule under a hard outage and under random errors, with 5 s probes and
 * the engine's clock 100 ms behind each probe: one run of three failures or more resolves on the
 * second success, a run of two on the 12th success; runs close together hold the alert
 * until the failures stop; runs before the rule last resolved belong to a closed episode.
 */
class IntermittentErrorsTest {

    private static final Set<String> OWN_RULES = Set.of("down", "silent", "model-missing");
    /** Probes per minute at 5 s. */
    private static final int MINUTE = 12;

    @Test
    void aHardOutageOf20sFiresOnTheSecondFailureAndResolvesOnTheSecondSuccess() {
        List<Transition> down = run(RuleEngineTest.engine(""), 20 * MINUTE,
                probe -> probe >= 10 * MINUTE && probe < 10 * MINUTE + 4 ? Outcome.SERVER_ERROR : Outcome.SUCCESS)
                .stream().filter(t -> OWN_RULES.contains(t.rule())).toList();

        assertThat(down).extracting(Transition::rule, Transition::status, Transition::probe).containsExactly(
                tuple("down", AlertStatus.FIRING, 10 * MINUTE + 1),
                tuple("down", AlertStatus.RESOLVED, 10 * MINUTE + 5));
    }

    @Test
    void anOutageTwoMinutesAfterAResolvedOneResolvesOnItsSecondSuccessToo() {
        int first = 10 * MINUTE;
        int second = 12 * MINUTE;
        List<Transition> down = ofRule("down", run(RuleEngineTest.engine(""), 20 * MINUTE,
                probe -> (probe >= first && probe < first + 4) || (probe >= second && probe < second + 4)
                        ? Outcome.SERVER_ERROR : Outcome.SUCCESS));

        assertThat(down).extracting(Transition::status, Transition::probe).containsExactly(
                tuple(AlertStatus.FIRING, first + 1), tuple(AlertStatus.RESOLVED, first + 5),
                tuple(AlertStatus.FIRING, second + 1), tuple(AlertStatus.RESOLVED, second + 5));
    }

    @Test
    void aBlipOfTwoFailuresResolvesOnTheTwelfthSuccess() {
        int blip = 10 * MINUTE;
        List<Transition> down = ofRule("down", run(RuleEngineTest.engine(""), 20 * MINUTE,
                probe -> probe == blip || probe == blip + 1 ? Outcome.SERVER_ERROR : Outcome.SUCCESS));

        assertThat(down).extracting(Transition::status, Transition::probe).containsExactly(
                tuple(AlertStatus.FIRING, blip + 1),
                tuple(AlertStatus.RESOLVED, blip + 1 + MINUTE));
    }

    @Test
    void thirtyPercentRandomErrorsForFiveMinutesFireDownOnceAndHoldItUntilTheErrorsStop() {
        Random random = new Random(0);
        int start = 10 * MINUTE;
        int end = 15 * MINUTE;
        List<Transition> down = ofRule("down", run(RuleEngineTest.engine(""), 25 * MINUTE,
                probe -> probe >= start && probe < end && random.nextDouble() < 0.3 ? Outcome.SERVER_ERROR
                        : Outcome.SUCCESS));

        assertThat(down).extracting(Transition::status).containsExactly(AlertStatus.FIRING, AlertStatus.RESOLVED);
        assertThat(down.get(0).probe()).as("fires within 3 minutes").isBetween(start, start + 3 * MINUTE);
        assertThat(down.get(1).probe()).as("resolves once the failures stopped, within the 5 m flap-window")
                .isBetween(end, end + 5 * MINUTE);
    }

    @Test
    void overTwoHundredSeedsThirtyPercentErrorsNeverFireDownMoreThanTwiceAndAlmostAlwaysOnce() {
        int once = 0;
        for (int seed = 0; seed < 200; seed++) {
            Random random = new Random(seed);
            List<Transition> down = ofRule("down", run(RuleEngineTest.engine(""), 25 * MINUTE,
                    probe -> probe >= 10 * MINUTE && probe < 15 * MINUTE && random.nextDouble() < 0.3
                            ? Outcome.SERVER_ERROR : Outcome.SUCCESS));
            long firings = down.stream().filter(t -> t.status() == AlertStatus.FIRING).count();
            assertThat(firings).as("seed %d", seed).isLessThanOrEqualTo(2);
            if (!down.isEmpty()) {
                assertThat(down.get(down.size() - 1).status()).as("seed %d ends resolved", seed)
                        .isEqualTo(AlertStatus.RESOLVED);
                assertThat(down.get(down.size() - 1).probe()).as("seed %d", seed).isLessThan(20 * MINUTE);
            }
            once += firings <= 1 ? 1 : 0;
        }
        // An episode that opens with a run of three or more and two successes looks like a short
        // outage: about 0.3 x 0.3 x 0.49 of them.
        assertThat(once).as("seeds with at most one FIRING: 185 of 200 today").isGreaterThanOrEqualTo(180);
    }

    @Test
    void twoPercentRandomErrorsForTenMinutesFireNoneOfDownSilentAndModelMissing() {
        Random random = new Random(7);

        List<Transition> transitions = run(RuleEngineTest.engine(""), 10 * MINUTE,
                probe -> random.nextDouble() < 0.02 ? Outcome.SERVER_ERROR : Outcome.SUCCESS);

        assertThat(transitions).filteredOn(t -> OWN_RULES.contains(t.rule())).isEmpty();
    }

    @Test
    void aStrayFailureBeforeAnOutageHoldsDownUntilItLeavesTheFlapWindow() {
        int stray = 10 * MINUTE;
        int outage = 12 * MINUTE;
        List<Transition> down = ofRule("down", run(RuleEngineTest.engine(""), 20 * MINUTE,
                probe -> probe == stray || (probe >= outage && probe < outage + 4) ? Outcome.TIMEOUT
                        : Outcome.SUCCESS));

        assertThat(down).extracting(Transition::status, Transition::probe).containsExactly(
                tuple(AlertStatus.FIRING, outage + 1),
                tuple(AlertStatus.RESOLVED, stray + 5 * MINUTE + 1));
    }

    @Test
    void aRuleWithoutFlapWindowResolvesOnEveryTwoSuccessesAsBefore() {
        RuleEngine engine = RuleEngineTest.engine("""
                alerts:
                  rules:
                    - {name: down, condition: "consecutive-failures >= 2", resolve-when: "consecutive-successes >= 2"}
                """);
        List<Transition> down = ofRule("down", run(engine, 2 * MINUTE,
                probe -> probe % 4 < 2 ? Outcome.SERVER_ERROR : Outcome.SUCCESS));

        assertThat(down).hasSize(2 * MINUTE / 2);
    }

    /** Probes a target every 5 s with {@code outcomes}, ticking the engine after each; every transition, in order. */
    static List<Transition> run(RuleEngine engine, int probes, IntFunction<Outcome> outcomes) {
        ProbeSequence sequence = ProbeSequence.every5s("a", StatsFixtures.T0);
        List<Transition> transitions = new ArrayList<>();
        for (int probe = 0; probe < probes; probe++) {
            long now = sequence.next().toEpochMilli() + 100;
            List<AlertEvent> events = new ArrayList<>();
            for (WindowStats stats : sequence.probe(outcomes.apply(probe))) {
                events.addAll(engine.onStats(stats, now));
            }
            events.addAll(engine.onTick(now));
            for (AlertEvent event : events) {
                transitions.add(new Transition(probe, event));
            }
        }
        return transitions;
    }

    static List<Transition> ofRule(String rule, List<Transition> transitions) {
        return transitions.stream().filter(t -> t.rule().equals(rule)).toList();
    }

    /** An alert event and the probe (0-based, 5 s apart) whose stats brought it. */
    record Transition(int probe, AlertEvent event) {

        String rule() {
            return event.getRule();
        }

        AlertStatus status() {
            return event.getStatus();
        }
    }
}
