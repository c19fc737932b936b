package dev.llmuptime.alert;

import static dev.llmuptime.alert.StatsFixtures.hour;
import static dev.llmuptime.alert.StatsFixtures.probe;
import static dev.llmuptime.alert.StatsFixtures.stats;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import dev.llmuptime.config.ConfigLoader;
import dev.llmuptime.config.MonitorConfig;
import dev.llmuptime.schema.AlertEvent;
import dev.llmuptime.schema.AlertStatus;
import dev.llmuptime.schema.Outcome;
import dev.llmuptime.schema.WindowStats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The alert state machine, with time passed in: no sleeping, and every step visible. */
class RuleEngineTest {

    /** The hourly availability rule the defaults had before error budgets: the trailing hour's uptime. */
    private static final String HOURLY_UPTIME = """
            alerts:
              rules:
                - {name: availability, window: 1h, condition: "uptime < 0.99", min-samples: 20}
            """;

    private long now = StatsFixtures.T0.toEpochMilli();

    @Test
    void anIsolatedFailureNeverFiresUnderTheDefaultRules() {
        RuleEngine engine = engine("");

        List<AlertEvent> events = new ArrayList<>();
        events.addAll(at(5, engine, probe("a", Outcome.SUCCESS, 0, 3)));
        events.addAll(at(5, engine, probe("a", Outcome.SERVER_ERROR, 1, 0)));
        events.addAll(at(5, engine, probe("a", Outcome.SUCCESS, 0, 1)));
        events.addAll(tick(engine, 60));

        assertThat(events).isEmpty();
    }

    @Test
    void aHardOutageFiresDownOnTheSecondConsecutiveFailureAndResolvesAfterTwoSuccesses() {
        RuleEngine engine = engine("");

        assertThat(at(5, engine, probe("a", Outcome.TIMEOUT, 1, 0))).isEmpty();
        List<AlertEvent> fired = at(5, engine, probe("a", Outcome.TIMEOUT, 2, 0));
        assertThat(fired).singleElement().satisfies(event -> {
            assertThat(event.getRule()).isEqualTo("down");
            assertThat(event.getStatus()).isEqualTo(AlertStatus.FIRING);
            assertThat(event.getSeverity()).isEqualTo("critical");
            assertThat(event.getMetric()).isEqualTo("consecutive-failures");
            assertThat(event.getValue()).isEqualTo(2.0);
            assertThat(event.getThreshold()).isEqualTo(2.0);
            assertThat(event.getModel()).isEqualTo("gpt-4o-mini");
            assertThat(event.getSummary()).isEqualTo("down on a (gpt-4o-mini): consecutive-failures = 2 "
                    + "(consecutive-failures >= 2)");
        });
        assertThat(at(5, engine, probe("a", Outcome.TIMEOUT, 3, 0))).as("no repeat while firing").isEmpty();
        assertThat(at(5, engine, probe("a", Outcome.SUCCESS, 0, 1))).as("one success is not enough").isEmpty();
        List<AlertEvent> resolved = at(5, engine, probe("a", Outcome.SUCCESS, 0, 2));
        assertThat(resolved).singleElement().satisfies(event -> {
            assertThat(event.getStatus()).isEqualTo(AlertStatus.RESOLVED);
            assertThat(event.getAlertId()).isEqualTo(fired.get(0).getAlertId());
            assertThat(event.getEndsAt()).isAfter(event.getStartsAt());
        });
    }

    @Test
    void aConfirmationThatOpensAWindowFiresDownThoughTheWindowCountsNoProbeYet() {
        WindowStats lastSlotOfAMinute = stats("a", Duration.ofMinutes(1), 12, 11 / 12.0, 500.0, Outcome.SERVER_ERROR,
                1, 0);
        lastSlotOfAMinute.setLastProbeAt(StatsFixtures.T0.plusMillis(59_500));
        // The confirmation one second later opens the next minute; only scheduled probes are counted.
        WindowStats confirmation = stats("a", Duration.ofMinutes(1), 0, null, null, Outcome.SERVER_ERROR, 2, 0);
        confirmation.setWindowStart(StatsFixtures.T0.plusSeconds(60));
        confirmation.setWindowEnd(StatsFixtures.T0.plusSeconds(120));
        confirmation.setLastProbeAt(StatsFixtures.T0.plusMillis(60_510));

        RuleEngine engine = engine("");
        assertThat(at(5, engine, lastSlotOfAMinute)).isEmpty();
        assertThat(at(1, engine, confirmation)).as("the streak rests on the trailing minute's probes")
                .extracting(AlertEvent::getRule, AlertEvent::getValue).containsExactly(tuple("down", 2.0));
        assertThat(at(1, engine(""), confirmation)).as("with no minute before it, no probe is read").isEmpty();
    }

    @Test
    void aTargetFlappingEvery20sUnderKeepFiringFor30sGivesOneFiringAndOneResolved() {
        RuleEngine engine = engine("""
                alerts:
                  rules:
                    - {name: down, condition: "consecutive-failures >= 2", resolve-when: "consecutive-successes >= 2", keep-firing-for: 30s}
                """);
        List<AlertEvent> events = new ArrayList<>();
        int failures = 0;
        int successes = 0;
        for (int second = 0; second < 240; second += 5) {
            boolean down = second < 160 && (second / 20) % 2 == 0;
            failures = down ? failures + 1 : 0;
            successes = down ? 0 : successes + 1;
            events.addAll(at(5, engine, probe("a", down ? Outcome.SERVER_ERROR : Outcome.SUCCESS, failures, successes)));
            events.addAll(engine.onTick(now));
        }

        assertThat(events).extracting(AlertEvent::getStatus).containsExactly(AlertStatus.FIRING, AlertStatus.RESOLVED);
    }

    @Test
    void aThreeSecondSlowdownFiresSlowWithATwoSecondThreshold() {
        RuleEngine engine = engine("""
                alerts:
                  rules:
                    - {name: slow, window: 5m, condition: "latency.p95 > 2000", min-samples: 5}
                """);

        assertThat(at(5, engine, stats("a", Duration.ofMinutes(5), 5, 1.0, 800.0, Outcome.SUCCESS, 0, 5))).isEmpty();
        assertThat(at(5, engine, stats("a", Duration.ofMinutes(5), 4, 1.0, 3000.0, Outcome.SLOW, 0, 6)))
                .as("fewer than min-samples").isEmpty();
        assertThat(at(5, engine, stats("a", Duration.ofMinutes(5), 6, 1.0, 3000.0, Outcome.SUCCESS, 0, 7)))
                .singleElement().satisfies(event -> {
                    assertThat(event.getRule()).isEqualTo("slow");
                    assertThat(event.getValue()).isEqualTo(3000.0);
                });
        assertThat(at(5, engine, stats("a", Duration.ofMinutes(1), 6, 1.0, 3000.0, Outcome.SUCCESS, 0, 8)))
                .as("other window sizes are not read").isEmpty();
    }

    @Test
    void theLateFinalRecordOfAnOlderWindowDoesNotReopenAResolvedAlert() {
        RuleEngine engine = engine("""
                alerts:
                  rules:
                    - {name: slow, window: 1m, condition: "latency.p95 > 2000", min-samples: 3}
                """);
        var slowWindow = stats("a", Duration.ofMinutes(1), 6, 1.0, 3300.0, Outcome.SLOW, 0, 6);
        var nextWindow = stats("a", Duration.ofMinutes(1), 3, 1.0, 340.0, Outcome.SUCCESS, 0, 9);
        nextWindow.setWindowStart(StatsFixtures.T0.plusSeconds(60));
        nextWindow.setWindowEnd(StatsFixtures.T0.plusSeconds(120));
        var finalOfSlowWindow = stats("a", Duration.ofMinutes(1), 6, 1.0, 3300.0, Outcome.SLOW, 0, 9);
        finalOfSlowWindow.setFinal$(true);

        assertThat(at(5, engine, slowWindow)).extracting(AlertEvent::getStatus).containsExactly(AlertStatus.FIRING);
        assertThat(at(60, engine, nextWindow)).extracting(AlertEvent::getStatus).containsExactly(AlertStatus.RESOLVED);
        assertThat(at(5, engine, finalOfSlowWindow)).isEmpty();
    }

    @Test
    void oneFailureEarlyInAnHourAfterAHealthyHourDoesNotFireAvailability() {
        RuleEngine fresh = engine(HOURLY_UPTIME);
        assertThat(at(5, fresh, hour(1, 2, 24, 1))).as("with no hour before, 23 of 24 is 95.8 %")
                .extracting(AlertEvent::getRule).containsExactly("availability");

        RuleEngine engine = engine(HOURLY_UPTIME);
        assertThat(at(5, engine, hour(0, 60, 720, 0))).isEmpty();
        assertThat(at(5, engine, hour(1, 2, 24, 1))).as("the trailing hour is 719 of 720").isEmpty();
    }

    @Test
    void aSteadyTwoPercentErrorRateKeepsAvailabilityFiringAcrossTheHourBoundary() {
        RuleEngine engine = availabilityFiringAfterAnHourWith(14);

        assertThat(at(5, engine, hour(1, 2, 24, 0))).as("24 good probes do not make a good hour").isEmpty();
        assertThat(at(5, engine, hour(1, 30, 360, 7))).isEmpty();
    }

    @Test
    void availabilityResolvesOnceTheTrailingHourIsBackAbove99Percent() {
        RuleEngine engine = availabilityFiringAfterAnHourWith(36);

        assertThat(at(5, engine, hour(1, 30, 360, 0))).as("half the bad hour is still in the trailing hour").isEmpty();
        List<AlertEvent> resolved = at(5, engine, hour(1, 50, 600, 0));
        assertThat(resolved).singleElement().satisfies(event -> {
            assertThat(event.getStatus()).isEqualTo(AlertStatus.RESOLVED);
            assertThat(event.getValue()).as("(600 + 684 / 6) / (600 + 720 / 6)").isCloseTo(714.0 / 720, within(1e-9));
        });
    }

    @Test
    void aLateFinalOfThePreviousHourCountsInTheTrailingHour() {
        RuleEngine engine = engine(HOURLY_UPTIME);
        at(5, engine, hour(0, 55, 660, 0));
        at(5, engine, hour(1, 1, 12, 0));
        assertThat(at(5, engine, hour(0, 60, 720, 60))).as("a late final is not the present").isEmpty();

        assertThat(at(5, engine, hour(1, 2, 24, 0))).as("(24 + 660 * 58 / 60) / (24 + 720 * 58 / 60) < 0.99")
                .extracting(AlertEvent::getRule).containsExactly("availability");
    }

    @Test
    void forDelaysFiringAndTheTickFiresWithoutANewUpdate() {
        RuleEngine engine = engine("""
                alerts:
                  rules:
                    - {name: availability, window: 5m, condition: "uptime < 0.99", min-samples: 3, for: 1m}
                """);
        long start = now;

        assertThat(at(5, engine, stats("a", Duration.ofMinutes(5), 10, 0.5, 500.0, Outcome.TIMEOUT, 1, 0))).isEmpty();
        assertThat(tick(engine, 30)).isEmpty();
        List<AlertEvent> fired = tick(engine, 30);

        assertThat(fired).singleElement().satisfies(event -> {
            assertThat(event.getStatus()).isEqualTo(AlertStatus.FIRING);
            assertThat(event.getStartsAt().toEpochMilli()).as("starts when the condition began").isEqualTo(start + 5000);
        });
    }

    @Test
    void aPendingAlertThatRecoversNeverFires() {
        RuleEngine engine = engine("""
                alerts:
                  rules:
                    - {name: availability, window: 5m, condition: "uptime < 0.99", for: 1m}
                """);

        at(5, engine, stats("a", Duration.ofMinutes(5), 10, 0.5, 500.0, Outcome.TIMEOUT, 1, 0));
        at(20, engine, stats("a", Duration.ofMinutes(5), 20, 0.995, 500.0, Outcome.SUCCESS, 0, 1));

        assertThat(tick(engine, 120)).isEmpty();
    }

    @Test
    void silenceFiresNoDataAndStatsResolveIt() {
        RuleEngine engine = engine("");

        at(0, engine, probe("a", Outcome.SUCCESS, 0, 1));
        assertThat(tick(engine, 119)).isEmpty();
        assertThat(tick(engine, 1)).singleElement().satisfies(event -> {
            assertThat(event.getRule()).isEqualTo("silent");
            assertThat(event.getMetric()).isEqualTo("no-data");
            assertThat(event.getStatus()).isEqualTo(AlertStatus.FIRING);
        });
        assertThat(tick(engine, 60)).isEmpty();
        var windowClosing = probe("a", Outcome.SUCCESS, 0, 1);
        windowClosing.setFinal$(true);
        assertThat(at(1, engine, windowClosing)).as("a window closing carries no new probe").isEmpty();
        var nextProbe = probe("a", Outcome.SUCCESS, 0, 2);
        nextProbe.setLastProbeAt(StatsFixtures.T0.plusSeconds(181));
        assertThat(at(1, engine, nextProbe)).singleElement()
                .satisfies(event -> assertThat(event.getStatus()).isEqualTo(AlertStatus.RESOLVED));
    }

    @Test
    void targetsHandedToAnotherInstanceAreNeitherTimedNorReportedSilent() {
        RuleEngine engine = engine("");

        at(0, engine, probe("a", Outcome.SUCCESS, 0, 1));
        at(0, engine, probe("b", Outcome.TIMEOUT, 1, 0));
        at(0, engine, probe("b", Outcome.TIMEOUT, 2, 0));
        engine.drainChangedStates();
        engine.forget("b"::equals);

        assertThat(engine.drainChangedStates()).isEmpty();
        assertThat(tick(engine, 120)).singleElement().satisfies(event -> {
            assertThat(event.getRule()).isEqualTo("silent");
            assertThat(event.getTargetId()).isEqualTo("a");
        });
    }

    @Test
    void authAndClientErrorsFireProbeMisconfiguredApartFromOutages() {
        RuleEngine engine = engine("");

        List<AlertEvent> fired = at(5, engine, probe("a", Outcome.AUTH_ERROR, 0, 0));
        assertThat(fired).extracting(AlertEvent::getRule).containsExactly("probe-misconfigured");
        assertThat(fired.get(0).getSummary()).contains("monitor's side");
        assertThat(at(5, engine, probe("a", Outcome.SUCCESS, 0, 1))).extracting(AlertEvent::getStatus)
                .containsExactly(AlertStatus.RESOLVED);
    }

    @Test
    void onlyTheAllRegionsStatsAndMatchingTargetsCount() {
        RuleEngine engine = engine("""
                alerts:
                  rules:
                    - {name: down, targets: "openai-*", condition: "consecutive-failures >= 2"}
                """);
        var perRegion = probe("openai-x", Outcome.TIMEOUT, 2, 0);
        perRegion.setRegion("eu");

        assertThat(at(5, engine, perRegion)).isEmpty();
        assertThat(at(5, engine, probe("vllm-x", Outcome.TIMEOUT, 2, 0))).isEmpty();
        assertThat(at(5, engine, probe("openai-x", Outcome.TIMEOUT, 2, 0))).hasSize(1);
    }

    @Test
    void statesAreHandedOutForPersistence() {
        RuleEngine engine = engine("");
        at(5, engine, probe("a", Outcome.TIMEOUT, 2, 0));

        var changed = engine.drainChangedStates();
        RuleTargetKey downOnA = new RuleTargetKey("down", "a");
        assertThat(changed).containsKey(downOnA);
        assertThat(changed.get(downOnA).status()).isEqualTo(AlertState.Status.FIRING);
        assertThat(engine.drainChangedStates()).isEmpty();

        RuleEngine restarted = engine("");
        restarted.restore(downOnA, changed.get(downOnA));
        assertThat(at(5, restarted, probe("a", Outcome.TIMEOUT, 3, 0))).as("a restart does not repeat a FIRING").isEmpty();
        assertThat(at(5, restarted, probe("a", Outcome.SUCCESS, 0, 2))).as("nor forget it").extracting(AlertEvent::getStatus)
                .containsExactly(AlertStatus.RESOLVED);
    }

    /** The hourly uptime rule after a first hour of 720 probes with this many failures: availability fires. */
    private RuleEngine availabilityFiringAfterAnHourWith(int failures) {
        RuleEngine engine = engine(HOURLY_UPTIME);
        assertThat(at(5, engine, hour(0, 60, 720, failures))).extracting(AlertEvent::getRule)
                .containsExactly("availability");
        return engine;
    }

    private List<AlertEvent> at(int secondsLater, RuleEngine engine, WindowStats stats) {
        now += secondsLater * 1000L;
        return engine.onStats(stats, now);
    }

    private List<AlertEvent> tick(RuleEngine engine, int secondsLater) {
        now += secondsLater * 1000L;
        return engine.onTick(now);
    }

    static RuleEngine engine(String yaml) {
        MonitorConfig config = new ConfigLoader(name -> null).parse(yaml, "test.yaml");
        return new RuleEngine(Rules.compile(config), ConfiguredTargets.of(config));
    }
}
