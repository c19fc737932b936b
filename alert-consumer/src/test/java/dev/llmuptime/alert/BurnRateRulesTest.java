package dev.llmuptime.alert;

import static dev.llmuptime.alert.ProbeTimeline.Probe.failed;
import static dev.llmuptime.alert.ProbeTimeline.Probe.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llmuptime.alert.ProbeTimeline.Timed;
import dev.llmuptime.schema.AlertStatus;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The default availability rules (error-budget burn rates on 99.5 %) over hours of 5 s probes, clock injected. */
class BurnRateRulesTest {

    private static final Duration EVERY_5S = Duration.ofSeconds(5);
    private static final long MINUTE = 60_000;

    @Test
    void thirtyPercentErrorsOnAFreshTargetFireTheFastBurnOnceItHas90ProbesAndOnlyOnce() {
        ProbeTimeline timeline = new ProbeTimeline(RuleEngineTest.engine(""), EVERY_5S);
        Random random = new Random(13);

        List<Timed> events = timeline.run(Duration.ofMinutes(10), at -> random.nextDouble() < 0.3 ? failed() : ok(500));

        List<Timed> fast = firings(events, "availability");
        assertThat(fast).as("one FIRING for the episode").hasSize(1);
        assertThat(fast.get(0).at()).as("the 90th probe, then 30 %% > 7.2 %% in both spans")
                .isEqualTo(89 * EVERY_5S.toMillis());
        assertThat(fast.get(0).event().getSeverity()).isEqualTo("critical");
        assertThat(fast.get(0).event().getMetric()).isEqualTo("burn-rate(1h, 5m)");
        assertThat(fast.get(0).event().getThreshold()).isEqualTo(14.4);
    }

    @Test
    void afterAHealthyHourThirtyPercentErrorsFireTheFastBurnOnceTheHourHoldsMoreThan7Point2PercentFailures() {
        ProbeTimeline timeline = new ProbeTimeline(RuleEngineTest.engine(""), EVERY_5S);
        Random random = new Random(7);
        assertThat(timeline.run(Duration.ofHours(1), at -> ok(500))).isEmpty();

        List<Timed> events = timeline.run(Duration.ofMinutes(20), at -> random.nextDouble() < 0.3 ? failed() : ok(500));

        // The trailing hour holds 0.3 x / 60 failures after x minutes: above 7.2 % from x = 14.4.
        List<Timed> fast = firings(events, "availability");
        assertThat(fast).hasSize(1);
        assertThat(fast.get(0).at() - 60 * MINUTE).isBetween(12 * MINUTE, 17 * MINUTE);
        // Over 6 h the budget burns 6x once 0.3 x / (60 + x) > 3 %, from x = 6.7: the warning comes first.
        List<Timed> slowBurn = firings(events, "availability-slow");
        assertThat(slowBurn).hasSize(1);
        assertThat(slowBurn.get(0).at() - 60 * MINUTE).isBetween(5 * MINUTE, 11 * MINUTE);
    }

    @Test
    void twoPercentRandomErrorsForTenMinutesFireNothingWhateverTheSeed() {
        for (int seed = 1; seed <= 20; seed++) {
            Random random = new Random(seed);
            ProbeTimeline fresh = new ProbeTimeline(RuleEngineTest.engine(""), EVERY_5S);
            assertThat(budget(fresh.run(Duration.ofMinutes(10), at -> random.nextDouble() < 0.02 ? failed() : ok(500))))
                    .as("fresh target, seed %d", seed).isEmpty();

            ProbeTimeline warm = new ProbeTimeline(RuleEngineTest.engine(""), EVERY_5S);
            warm.run(Duration.ofHours(1), at -> ok(500));
            assertThat(budget(warm.run(Duration.ofMinutes(10), at -> random.nextDouble() < 0.02 ? failed() : ok(500))))
                    .as("after a healthy hour, seed %d", seed).isEmpty();
        }
    }

    @Test
    void oneFailedProbeNeverPagesWhereverItFalls() {
        for (int failing = 0; failing < 40; failing++) {
            long failsAt = failing * EVERY_5S.toMillis();
            ProbeTimeline timeline = new ProbeTimeline(RuleEngineTest.engine(""), EVERY_5S);

            assertThat(timeline.run(Duration.ofMinutes(10), at -> at == failsAt ? failed() : ok(500)))
                    .as("probe %d failed", failing).isEmpty();
        }
    }

    @Test
    void withoutMinSamplesTheLongSpanStillNeedsMoreProbesThanOneFailureCanTipOver() {
        ProbeTimeline timeline = new ProbeTimeline(RuleEngineTest.engine("""
                alerts:
                  rules:
                    - {name: budget, window: 1m, condition: "burn-rate(1h, 5m) > 14.4"}
                """), EVERY_5S);

        // The floor is 14 probes, as 1 of 14 is 7.1 %: the first failure alone, 1 of 13, may not fire.
        assertThat(timeline.run(Duration.ofSeconds(65), at -> at == 0 ? failed() : ok(500))).isEmpty();
        assertThat(firings(timeline.run(Duration.ofSeconds(5), at -> failed()), "budget")).as("2 of 14")
                .hasSize(1);
    }

    @Test
    void aSteadyFivePercentErrorRateBurnsSlowlyAndWarnsWithoutPaging() {
        ProbeTimeline timeline = new ProbeTimeline(RuleEngineTest.engine(""), EVERY_5S);

        List<Timed> events = timeline.run(Duration.ofHours(2), at -> at % (20 * EVERY_5S.toMillis()) == 0 ? failed() : ok(500));

        // 5 % is 10x the budget: above 6x, below 14.4x. The long span may fire from its 360th probe (30 min).
        assertThat(firings(events, "availability")).isEmpty();
        List<Timed> slowBurn = firings(events, "availability-slow");
        assertThat(slowBurn).singleElement().satisfies(fired -> {
            assertThat(fired.at()).isBetween(29 * MINUTE, 31 * MINUTE);
            assertThat(fired.event().getSeverity()).isEqualTo("warning");
            assertThat(fired.event().getValue()).isBetween(9.0, 11.0);
        });
        assertThat(events).extracting(Timed::status).containsOnly(AlertStatus.FIRING);
    }

    @Test
    void theFastBurnResolvesOnceTheLastFiveMinutesAreBackUnderTheRate() {
        ProbeTimeline timeline = new ProbeTimeline(RuleEngineTest.engine(""), EVERY_5S);
        Random random = new Random(3);
        assertThat(firings(timeline.run(Duration.ofMinutes(10), at -> random.nextDouble() < 0.3 ? failed() : ok(500)),
                "availability")).hasSize(1);

        List<Timed> after = timeline.run(Duration.ofMinutes(15), at -> ok(500));

        List<Timed> fast = after.stream().filter(timed -> timed.rule().equals("availability")).toList();
        assertThat(fast).extracting(Timed::status).containsExactly(AlertStatus.RESOLVED);
        assertThat(fast.get(0).at() - 10 * MINUTE).as("the 5 m span holds fewer than 7.2 %% failures")
                .isBetween(MINUTE, 5 * MINUTE);
    }

    /** The events of the error-budget rules: {@code down} judges streaks, not the budget. */
    private static List<Timed> budget(List<Timed> events) {
        return events.stream().filter(timed -> timed.rule().startsWith("availability")).toList();
    }

    static List<Timed> firings(List<Timed> events, String rule) {
        return events.stream().filter(timed -> timed.rule().equals(rule) && timed.status() == AlertStatus.FIRING)
                .toList();
    }
}
