package dev.llmuptime.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmuptime.config.CheckType;
import dev.llmuptime.config.TargetConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BudgetStretchTest {

    private final List<String> warnings = new ArrayList<>();

    @Test
    void withoutABudgetOrWithinItNothingIsStretched() {
        // 2,116,800 is exactly what a month with a day-long outage of this target uses.
        List<TargetConfig> targets = List.of(TokenBudgetTest.chat(Duration.ofSeconds(30)));

        for (Long budget : Arrays.asList(null, 2_116_800L, Long.MAX_VALUE)) {
            BudgetStretch fitted = BudgetStretch.fit(targets, budget, warnings::add);

            assertThat(fitted.factor()).isEqualTo(1.0);
            assertThat(fitted.targets()).isEqualTo(targets);
        }
        assertThat(warnings).isEmpty();
    }

    @Test
    void halfTheProjectedUseDoublesTheIntervalAndWarnsOnce() {
        // 21 tokens a probe: 86,400 scheduled probes and 14,400 more in a day-long outage make 2,116,800.
        List<TargetConfig> targets = List.of(TokenBudgetTest.chat(Duration.ofSeconds(30)));

        BudgetStretch fitted = BudgetStretch.fit(targets, 1_058_400L, warnings::add);

        assertThat(fitted.factorText()).isEqualTo("2.00");
        assertThat(fitted.targets()).extracting(TargetConfig::interval).containsExactly(Duration.ofMinutes(1));
        assertThat(TokenBudget.tokensPerMonthWithOutage(fitted.targets())).isEqualTo(1_058_400L);
        assertThat(warnings).containsExactly("probes.token-budget is 1,058,400 tokens per 30 days, but the probes "
                + "would use about 2,116,800 in a month with a day-long outage of every target: the interval of "
                + "every target that spends tokens is stretched 2.00x (about 1,058,400 then)");
    }

    @Test
    void everySpendingTargetIsStretchedByTheSameFactorAndNoneIsDropped() {
        TargetConfig models = Targets.withInterval(Targets.target("http://127.0.0.1:1/v1", "m", CheckType.MODELS),
                Duration.ofSeconds(10));
        List<TargetConfig> targets = List.of(TokenBudgetTest.chat(Duration.ofSeconds(30)), models,
                TokenBudgetTest.chat(Duration.ofMillis(7_777)), TokenBudgetTest.chat(Duration.ofMinutes(2)));
        long budget = TokenBudget.tokensPerMonthWithOutage(targets) / 3;

        BudgetStretch fitted = BudgetStretch.fit(targets, budget, warnings::add);

        assertThat(fitted.hundredths()).isGreaterThanOrEqualTo(300);
        assertThat(fitted.targets()).extracting(TargetConfig::id).isEqualTo(targets.stream().map(TargetConfig::id).toList());
        for (int i = 0; i < targets.size(); i++) {
            long original = targets.get(i).interval().toMillis();
            long expected = targets.get(i) == models ? original : (original * fitted.hundredths() + 99) / 100;
            assertThat(fitted.targets().get(i).interval()).isEqualTo(Duration.ofMillis(expected));
        }
        assertThat(TokenBudget.tokensPerMonthWithOutage(fitted.targets())).isLessThanOrEqualTo(budget);
        assertThat(warnings).hasSize(1);
    }

    @Test
    void theFailingIntervalStretchesWithTheInterval() {
        // At 2 s an outage probes every second (the floor); doubling the interval doubles that too.
        List<TargetConfig> targets = List.of(TokenBudgetTest.chat(Duration.ofSeconds(2)));
        long budget = TokenBudget.tokensPerMonthWithOutage(targets) / 2;

        BudgetStretch fitted = BudgetStretch.fit(targets, budget, warnings::add);

        assertThat(fitted.hundredths()).isEqualTo(200);
        assertThat(fitted.targets().get(0).failingInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(TokenBudget.tokensPerMonthWithOutage(fitted.targets())).isLessThanOrEqualTo(budget);
        assertThat(warnings).hasSize(1);
    }

    @Test
    void confirmationsKeepTheirDelayAndTimeoutsTheirLength() {
        TargetConfig chat = TokenBudgetTest.chat(Duration.ofSeconds(30));

        TargetConfig stretched = BudgetStretch.fit(List.of(chat), 100_000L, warnings::add).targets().get(0);

        assertThat(stretched.interval()).isGreaterThan(chat.interval());
        assertThat(stretched.confirmAfter()).isEqualTo(chat.confirmAfter());
        assertThat(stretched.timeout()).isEqualTo(chat.timeout());
    }

    @Test
    void aBudgetTooSmallForOneProbeStillProbesEveryTarget() {
        List<TargetConfig> targets = List.of(TokenBudgetTest.chat(Duration.ofSeconds(30)));

        BudgetStretch fitted = BudgetStretch.fit(targets, 1L, warnings::add);

        assertThat(fitted.targets()).hasSize(1);
        assertThat(fitted.targets().get(0).interval()).isGreaterThan(Duration.ofDays(30));
        assertThat(warnings).hasSize(1);
    }
}
