package dev.llmuptime.alert;

import static dev.llmuptime.alert.BurnRateRulesTest.firings;
import static dev.llmuptime.alert.ProbeTimeline.Probe.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llmuptime.alert.ProbeTimeline.Answers;
import dev.llmuptime.alert.ProbeTimeline.Timed;
import dev.llmuptime.schema.AlertStatus;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The default {@code slow} rule ({@code latency.p95 > 3x baseline and latency.p95 > 2000} over the
 * trailing minute, the baseline being the median p95 of the closed hours of the last 6 h, or of a new
 * target's 5-minute or 1-minute windows) on 5 s probes, clock injected.
 */
class BaselineRulesTest {

    private static final Duration EVERY_5S = Duration.ofSeconds(5);
    private static final long SECOND = 1000;
    private static final long MINUTE = 60 * SECOND;

    private final Random random = new Random(11);

    @Test
    void threeSecondsMoreOnAModelAnsweringIn300To1000MillisecondsFiresWithin30SecondsAndResolvesWithinAMinute() {
        ProbeTimeline timeline = new ProbeTimeline(RuleEngineTest.engine(""), EVERY_5S);
        assertThat(slow(timeline.run(Duration.ofHours(2), between(300, 1000)))).isEmpty();

        List<Timed> slowdown = slow(timeline.run(Duration.ofMinutes(5), between(3300, 4000)));
        assertThat(slowdown).singleElement().satisfies(fired -> {
            assertThat(fired.status()).isEqualTo(AlertStatus.FIRING);
            assertThat(fired.at() - 120 * MINUTE).as("two slow probes make the minute's p95").isLessThanOrEqualTo(30 * SECOND);
            assertThat(fired.event().getThreshold()).as("3x the hours' p95 of about 965 ms").isBetween(2700.0, 3100.0);
        });
        List<Timed> recovery = slow(timeline.run(Duration.ofMinutes(5), between(300, 1000)));
        assertThat(recovery).singleElement().satisfies(resolved -> {
            assertThat(resolved.status()).isEqualTo(AlertStatus.RESOLVED);
            assertThat(resolved.at() - 125 * MINUTE).as("the slow probes have left the trailing minute")
                    .isBetween(30 * SECOND, 60 * SECOND);
        });
    }

    @Test
    void fifteenSecondsMoreOnAFiveSecondModelFires() {
        ProbeTimeline timeline = new ProbeTimeline(RuleEngineTest.engine(""), Duration.ofSeconds(10));
        assertThat(slow(timeline.run(Duration.ofHours(2), between(4500, 5500)))).isEmpty();

        assertThat(firings(timeline.run(Duration.ofMinutes(5), between(19_500, 20_500)), "slow")).singleElement()
                .satisfies(fired -> assertThat(fired.at() - 120 * MINUTE).isLessThanOrEqualTo(30 * SECOND));
    }

    @Test
    void aModelThatAlwaysTakesFourSecondsStaysQuietAboveTheFloor() {
        ProbeTimeline timeline = new ProbeTimeline(RuleEngineTest.engine(""), EVERY_5S);

        assertThat(slow(timeline.run(Duration.ofHours(4), between(3500, 4500)))).isEmpty();
    }

    @Test
    void aNewTargetIsJudgedAgainstItsOneMinuteWindowsAndThreeSecondsMoreTenMinutesInFires() {
        ProbeTimeline timeline = new ProbeTimeline(RuleEngineTest.engine(""), EVERY_5S);
        assertThat(slow(timeline.run(Duration.ofMinutes(10), between(300, 1000)))).isEmpty();

        assertThat(slow(timeline.run(Duration.ofMinutes(5), between(3300, 4000)))).singleElement().satisfies(fired -> {
            assertThat(fired.status()).isEqualTo(AlertStatus.FIRING);
            assertThat(fired.at() - 10 * MINUTE).isLessThanOrEqualTo(30 * SECOND);
            assertThat(fired.event().getThreshold()).as("3x the median p95 of the closed minutes, each of 12 probes")
                    .isBetween(2400.0, 3100.0);
        });
    }

    @Test
    void untilItsMinutesHold60AnswersANewTargetHasNoBaselineAndSlowStaysQuiet() {
        ProbeTimeline timeline = new ProbeTimeline(RuleEngineTest.engine(""), EVERY_5S);
        timeline.run(Duration.ofMinutes(3), between(300, 1000));

        assertThat(slow(timeline.run(Duration.ofMinutes(2), between(3300, 4000))))
                .as("four closed minutes of 12 answers are fewer than 60").isEmpty();
        timeline.run(Duration.ofMinutes(5), between(300, 1000));
        assertThat(firings(timeline.run(Duration.ofMinutes(2), between(3300, 4000)), "slow"))
                .as("nine closed minutes, their median fast").hasSize(1);
    }

    @Test
    void aNewTargetThatAlwaysTakesFourSecondsStaysQuietThroughItsFirstHourAgainstABaselineOfItself() {
        ProbeTimeline timeline = new ProbeTimeline(RuleEngineTest.engine(""), EVERY_5S);

        assertThat(slow(timeline.run(Duration.ofHours(1), between(3500, 4500)))).isEmpty();
        assertThat(firings(timeline.run(Duration.ofMinutes(2), between(19_500, 20_500)), "slow")).singleElement()
                .satisfies(fired -> assertThat(fired.event().getThreshold()).as("3x its p95 near 4.45 s")
                        .isBetween(12_000.0, 14_000.0));
    }

    @Test
    void onceThreeHoursHaveClosedTheirMedianP95IsTheBaselineNotTheFiveMinuteWindows() {
        // Ten minutes of 1.5 to 1.9 s each hour: the hours' p95 is near 1.8 s, the 5-minute windows' median under 1 s.
        Answers hourly = at -> (at % (60 * MINUTE) < 10 * MINUTE ? between(1500, 1900) : between(300, 1000)).at(at);
        ProbeTimeline timeline = new ProbeTimeline(RuleEngineTest.engine(""), EVERY_5S);
        assertThat(slow(timeline.run(Duration.ofMinutes(140), hourly))).isEmpty();

        assertThat(firings(timeline.run(Duration.ofMinutes(5), between(4000, 4500)), "slow")).singleElement()
                .satisfies(fired -> assertThat(fired.event().getThreshold()).as("two hours closed: 5-minute windows")
                        .isBetween(2400.0, 3100.0));
        timeline.run(Duration.ofMinutes(55), hourly);

        assertThat(slow(timeline.run(Duration.ofMinutes(5), between(4000, 4500))))
                .as("three hours closed: 3x their median p95 near 1.8 s is above 4.5 s").isEmpty();
    }

    @Test
    void aRestartReadsTheYoungTargetsMinutesBackAndKeepsItsBaseline() {
        ProbeTimeline timeline = new ProbeTimeline(RuleEngineTest.engine(""), EVERY_5S);
        timeline.run(Duration.ofMinutes(10), between(300, 1000));

        timeline.restart(RuleEngineTest.engine(""));

        assertThat(firings(timeline.run(Duration.ofMinutes(2), between(3300, 4000)), "slow")).as(
                "without the minutes read back, five more would have to close").singleElement()
                .satisfies(fired -> assertThat(fired.at() - 10 * MINUTE).isLessThanOrEqualTo(30 * SECOND));
    }

    @Test
    void aThirtyMinuteBaselineOnANewTargetReadsItsMinutesUntilThreeFiveMinuteWindowsClosed() {
        ProbeTimeline timeline = new ProbeTimeline(RuleEngineTest.engine("""
                alerts:
                  rules:
                    - {name: slow, condition: "latency.p95 > 3x baseline and latency.p95 > 2000", min-samples: 2,
                       baseline: 30m}
                """), EVERY_5S);
        timeline.run(Duration.ofMinutes(6), between(300, 1000));

        assertThat(firings(timeline.run(Duration.ofMinutes(2), between(3300, 4000)), "slow")).singleElement()
                .satisfies(fired -> assertThat(fired.at() - 6 * MINUTE).isLessThanOrEqualTo(30 * SECOND));
    }

    @Test
    void aSlowdownOfTwoHoursStaysFiringTheMedianHourIsNotSlow() {
        ProbeTimeline timeline = new ProbeTimeline(RuleEngineTest.engine(""), EVERY_5S);
        timeline.run(Duration.ofHours(6), between(300, 1000));

        List<Timed> events = slow(timeline.run(Duration.ofHours(2), between(3300, 4000)));

        assertThat(events).singleElement().satisfies(fired -> assertThat(fired.status()).isEqualTo(AlertStatus.FIRING));
    }

    @Test
    void anAbsoluteThresholdStillWorksOverTheTrailingMinuteAndResolvesOnceItsSecondSlowestProbeLeftIt() {
        ProbeTimeline timeline = new ProbeTimeline(absoluteFiveSeconds(), EVERY_5S);

        List<Timed> recovery = recoveryAfterThreeSlowMinutes(timeline);
        assertThat(recovery).singleElement().satisfies(resolved -> {
            assertThat(resolved.status()).isEqualTo(AlertStatus.RESOLVED);
            // The last slow probes started at 13:20 and 13:25; the minute after the one at 14:20 holds one
            // of them, and the p95 of 12 probes is their second slowest.
            assertThat(resolved.at() - (13 * MINUTE + 30 * SECOND)).isEqualTo(50 * SECOND);
        });
    }

    @Test
    void recordsWithoutTheLatestLatenciesAreReadFromTheTwoWindowsSketches() {
        ProbeTimeline timeline = ProbeTimeline.ofOlderRecords(absoluteFiveSeconds(), EVERY_5S);

        List<Timed> recovery = recoveryAfterThreeSlowMinutes(timeline);
        assertThat(recovery).singleElement().satisfies(resolved -> {
            assertThat(resolved.status()).isEqualTo(AlertStatus.RESOLVED);
            // Not at the next window boundary, 30 s after: once the trailing minute is fast, give or take the
            // previous window's share, weighted as if its probes were spread evenly over it.
            assertThat(resolved.at() - (13 * MINUTE + 30 * SECOND)).isBetween(45 * SECOND, 90 * SECOND);
        });
    }

    private static RuleEngine absoluteFiveSeconds() {
        return RuleEngineTest.engine("""
                alerts:
                  rules:
                    - {name: slow, window: 1m, condition: "latency.p95 > 5000", min-samples: 5}
                """);
    }

    /** Ten fast minutes and a half, three slow ones (one FIRING), then three fast ones: their events. */
    private List<Timed> recoveryAfterThreeSlowMinutes(ProbeTimeline timeline) {
        timeline.run(Duration.ofMinutes(10).plusSeconds(30), between(300, 1000));
        assertThat(timeline.run(Duration.ofMinutes(3), between(7000, 8000))).extracting(Timed::status)
                .containsExactly(AlertStatus.FIRING);
        return timeline.run(Duration.ofMinutes(3), between(300, 1000));
    }

    private Answers between(double fromMs, double toMs) {
        return at -> ok(fromMs + random.nextDouble() * (toMs - fromMs));
    }

    private static List<Timed> slow(List<Timed> events) {
        return events.stream().filter(timed -> timed.rule().equals("slow")).toList();
    }
}
