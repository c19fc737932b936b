package dev.llmuptime.alert;

import static dev.llmuptime.alert.IntermittentErrorsTest.ofRule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.llmuptime.alert.IntermittentErrorsTest.Transition;
import dev.llmuptime.schema.AlertEvent;
import dev.llmuptime.schema.AlertStatus;
import dev.llmuptime.schema.Outcome;
import dev.llmuptime.schema.WindowStats;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.Test;

/**
 * The default rules on a target probed every 5 s from several regions, with the engine's clock 100 ms
 * behind each probe: a critical alert needs a strict majority of the regions that report; one region
 * failing alone raises a warning naming it.
 */
class RegionQuorumTest {

    /** Rounds per minute: each region probes once a round, every 5 s (a transition's probe is its round). */
    private static final int MINUTE = 12;

    @Test
    void oneOfTwoRegionsFailingRaisesWarningsNamingItAndNoCriticalAlert() {
        List<Transition> transitions = run(RuleEngineTest.engine(""), List.of("eu", "us"), 20 * MINUTE,
                (region, round) -> region.equals("eu") && round >= 5 * MINUTE && round < 8 * MINUTE
                        ? Outcome.SERVER_ERROR : Outcome.SUCCESS, always());

        assertThat(transitions).filteredOn(t -> t.event().getSeverity().equals("critical")).isEmpty();
        // availability-slow, a warning, reads the all-regions stats: half of them failing for 3 minutes tickets.
        assertThat(transitions).filteredOn(t -> t.rule().endsWith("-region"))
                .extracting(Transition::rule, Transition::status).containsExactlyInAnyOrder(
                tuple("down-region", AlertStatus.FIRING), tuple("down-region", AlertStatus.RESOLVED),
                tuple("availability-region", AlertStatus.FIRING), tuple("availability-region", AlertStatus.RESOLVED));
        List<Transition> down = ofRule("down-region", transitions);
        assertThat(down.get(0).probe()).as("on us's probe after eu's second failure").isEqualTo(5 * MINUTE + 1);
        assertThat(down.get(1).probe()).as("on eu's second success").isEqualTo(8 * MINUTE + 1);
        assertThat(down).allSatisfy(t -> {
            assertThat(t.event().getSeverity()).isEqualTo("warning");
            assertThat(t.event().getAlertId()).isEqualTo(down.get(0).event().getAlertId()).contains(":a:eu:");
        });
        assertThat(down.get(0).event().getSummary()).isEqualTo("down-region on a (gpt-4o-mini): consecutive-failures"
                + " = 2 (consecutive-failures >= 2); in region eu, 1 of 2 regions failing (eu)");
        assertThat(down.get(1).event().getSummary()).endsWith("; in region eu");
        List<Transition> availability = ofRule("availability-region", transitions);
        assertThat(availability.get(0).event().getSummary()).contains("in region eu, 1 of 2 regions failing (eu)");
        assertThat(availability.get(1).probe()).as("once eu's last 5 minutes are clean").isBetween(8 * MINUTE,
                13 * MINUTE + 1);
    }

    @Test
    void twoOfThreeRegionsFailingFireDownThoughTheAllRegionsStreakNeverReachesTwo() {
        // Probed in turn eu, us, ap: the all-regions stats see F S F F S F, never two failures in a row.
        List<Transition> transitions = run(RuleEngineTest.engine(""), List.of("eu", "us", "ap"), 10 * MINUTE,
                (region, round) -> !region.equals("us") && round >= 5 * MINUTE && round < 6 * MINUTE
                        ? Outcome.TIMEOUT : Outcome.SUCCESS, always());

        List<Transition> down = ofRule("down", transitions);
        assertThat(down).extracting(Transition::status, Transition::probe).containsExactly(
                tuple(AlertStatus.FIRING, 5 * MINUTE + 1), tuple(AlertStatus.RESOLVED, 6 * MINUTE + 1));
        assertThat(down.get(0).event().getSeverity()).isEqualTo("critical");
        assertThat(down.get(0).event().getSummary()).endsWith("; 2 of 3 regions failing (ap, eu)");
        assertThat(ofRule("down-region", transitions)).as("a majority is not one region alone").isEmpty();
    }

    @Test
    void bothOfTwoRegionsFailingFireDownOnceAndResolveIt() {
        List<Transition> transitions = run(RuleEngineTest.engine(""), List.of("eu", "us"), 10 * MINUTE,
                (region, round) -> round >= 5 * MINUTE && round < 7 * MINUTE ? Outcome.SERVER_ERROR
                        : Outcome.SUCCESS, always());

        assertThat(ofRule("down", transitions)).extracting(Transition::status, Transition::probe).containsExactly(
                tuple(AlertStatus.FIRING, 5 * MINUTE + 1), tuple(AlertStatus.RESOLVED, 7 * MINUTE + 1));
        assertThat(ofRule("down", transitions).get(0).event().getSummary())
                .endsWith("; 2 of 2 regions failing (eu, us)");
        assertThat(transitions).filteredOn(t -> t.rule().endsWith("-region")).isEmpty();
    }

    @Test
    void withOneRegionTheAlertsAreThoseOfTheAllRegionsStatsAlone() {
        BiFunction<String, Integer, Outcome> outage = (region, round) -> round >= 10 * MINUTE
                && round < 10 * MINUTE + 4 || round == 15 * MINUTE ? Outcome.SERVER_ERROR : Outcome.SUCCESS;
        List<Transition> withRegion = run(RuleEngineTest.engine(""), List.of("local"), 20 * MINUTE, outage, always());
        List<Transition> allRegionsOnly = IntermittentErrorsTest.run(RuleEngineTest.engine(""),
                20 * MINUTE, probe -> outage.apply("local", probe));

        assertThat(withRegion).extracting(Transition::rule, Transition::status, Transition::probe).containsExactly(
                tuple("down", AlertStatus.FIRING, 10 * MINUTE + 1),
                tuple("down", AlertStatus.RESOLVED, 10 * MINUTE + 5));
        assertThat(withRegion).extracting(t -> t.event().getSummary()).containsExactlyElementsOf(
                allRegionsOnly.stream().map(t -> t.event().getSummary()).toList());
    }

    @Test
    void aRegionThatStopsReportingNoLongerVotesAfterTwoMinutes() {
        int usStops = 6 * MINUTE;
        List<Transition> transitions = run(RuleEngineTest.engine(""), List.of("eu", "us"), 12 * MINUTE,
                (region, round) -> region.equals("eu") && round >= 5 * MINUTE ? Outcome.TIMEOUT : Outcome.SUCCESS,
                (region, round) -> region.equals("eu") || round < usStops);

        List<Transition> down = ofRule("down", transitions);
        assertThat(down).extracting(Transition::status).containsExactly(AlertStatus.FIRING);
        // us's last probe at round 6m - 1 (5 s after eu's); eu's probe 2 minutes and 5 s later leaves it out.
        assertThat(down.get(0).probe()).isEqualTo(usStops - 1 + 2 * MINUTE + 1);
        assertThat(down.get(0).event().getSummary()).doesNotContain("regions failing");
        assertThat(ofRule("down-region", transitions)).extracting(Transition::status, Transition::probe)
                .containsExactly(tuple(AlertStatus.FIRING, 5 * MINUTE + 1),
                        tuple(AlertStatus.RESOLVED, usStops - 1 + 2 * MINUTE + 1));
    }

    @Test
    void aFailingRegionThatStopsReportingHasItsWarningResolvedOnceItNoLongerVotes() {
        int euStops = 6 * MINUTE;
        List<Transition> transitions = run(RuleEngineTest.engine(""), List.of("eu", "us"), 10 * MINUTE,
                (region, round) -> region.equals("eu") ? Outcome.CONNECTION_ERROR : Outcome.SUCCESS,
                (region, round) -> region.equals("us") || round >= 5 * MINUTE && round < euStops);

        assertThat(transitions).filteredOn(t -> t.event().getSeverity().equals("critical")).isEmpty();
        List<Transition> warning = ofRule("down-region", transitions);
        assertThat(warning).extracting(Transition::status, Transition::probe).containsExactly(
                tuple(AlertStatus.FIRING, 5 * MINUTE + 1),
                // eu's last probe, at round 6m - 1, is over 2 minutes behind us's probe of round 8m - 1.
                tuple(AlertStatus.RESOLVED, euStops - 1 + 2 * MINUTE));
        assertThat(warning.get(1).event().getSummary()).isEqualTo("resolved: down-region on a (gpt-4o-mini): "
                + "region eu no longer reports");
    }

    @Test
    void aRegionWarningIsKeptInTheStateTopicAndTheVotesComeBackFromTheStatsAfterARestart() {
        RuleEngine engine = RuleEngineTest.engine("");
        RegionalProbes probes = new RegionalProbes("a", List.of("eu", "us"));
        List<WindowStats> read = new ArrayList<>();
        for (int round = 0; round < 2 * MINUTE; round++) {
            for (String region : List.of("eu", "us")) {
                Outcome outcome = region.equals("eu") && round >= MINUTE ? Outcome.SERVER_ERROR : Outcome.SUCCESS;
                long now = probes.next(region).toEpochMilli() + 100;
                for (WindowStats stats : probes.probe(region, outcome)) {
                    read.add(stats);
                    engine.onStats(stats, now);
                }
            }
        }
        RuleTargetKey warning = new RuleTargetKey("down-region", "a", "eu");
        var states = engine.drainChangedStates();
        assertThat(states.get(warning).status()).isEqualTo(AlertState.Status.FIRING);
        StateKey key = new StateKey.Alert(warning);
        assertThat(StateKey.parse(key.encode())).contains(key);

        RuleEngine restarted = RuleEngineTest.engine("");
        read.forEach(restarted::remember);
        restarted.restore(warning, states.get(warning));
        List<AlertEvent> events = new ArrayList<>();
        long now = probes.next("eu").toEpochMilli() + 100;
        for (WindowStats stats : probes.probe("eu", Outcome.SERVER_ERROR)) {
            events.addAll(restarted.onStats(stats, now));
        }
        now = probes.next("us").toEpochMilli() + 100;
        for (WindowStats stats : probes.probe("us", Outcome.SUCCESS)) {
            events.addAll(restarted.onStats(stats, now));
        }
        events.addAll(restarted.onTick(now));
        assertThat(events).as("us's vote read back keeps eu's failures from paging, and the warning is not repeated")
                .isEmpty();
    }

    private static BiPredicate<String, Integer> always() {
        return (region, round) -> true;
    }

    /**
     * Runs {@code rounds} rounds in which each region that {@code reports} probes once with its outcome,
     * ticking the engine after each probe; every transition, in order.
     */
    static List<Transition> run(RuleEngine engine, List<String> regions, int rounds,
            BiFunction<String, Integer, Outcome> outcomes, BiPredicate<String, Integer> reports) {
        RegionalProbes probes = new RegionalProbes("a", regions);
        List<Transition> transitions = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            for (String region : regions) {
                if (!reports.test(region, round)) {
                    probes.skip(region);
                    continue;
                }
                long now = probes.next(region).toEpochMilli() + 100;
                List<AlertEvent> events = new ArrayList<>();
                for (WindowStats stats : probes.probe(region, outcomes.apply(region, round))) {
                    events.addAll(engine.onStats(stats, now));
                }
                events.addAll(engine.onTick(now));
                for (AlertEvent event : events) {
                    transitions.add(new Transition(round, event));
                }
            }
        }
        return transitions;
    }
}
