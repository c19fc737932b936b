package dev.llmuptime.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.llmuptime.config.AggregationConfig;
import dev.llmuptime.config.ConfigException;
import dev.llmuptime.config.ConfigLoader;
import dev.llmuptime.config.RuleConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConditionParserTest {

    @Test
    void parsesEveryMetricAndOperator() {
        assertThat(simple("uptime < 0.99").operator()).isEqualTo(Operator.LESS);
        assertThat(simple("latency.p95>5000").threshold()).isEqualTo(5000);
        assertThat(simple("  ttft.p99 >= 1500 ").metric().name()).isEqualTo("ttft.p99");
        assertThat(simple("outcome.RATE_LIMITED > 0.1").metric().name()).isEqualTo("outcome.RATE_LIMITED");
        assertThat(simple("tokens-per-second.p50 <= 20").operator()).isEqualTo(Operator.LESS_OR_EQUAL);
        assertThat(simple("error-rate > 0.05").metric().name()).isEqualTo("error-rate");
    }

    @Test
    void unknownMetricNamesTheRuleAndPositionAndSuggests() {
        assertThatThrownBy(() -> parse("alerts.rules[0] (down).condition", "consecutive-failurs >= 2"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("alerts.rules[0] (down).condition: 'consecutive-failurs >= 2' at position 1: "
                        + "unknown metric 'consecutive-failurs' (did you mean 'consecutive-failures'?)");
    }

    @Test
    void badNumberIsPointedAt() {
        assertThatThrownBy(() -> parse("r", "uptime < ninety"))
                .hasMessage("r: 'uptime < ninety' at position 10: 'ninety' is not a number");
    }

    @Test
    void missingOperatorIsPointedAt() {
        assertThatThrownBy(() -> parse("r", "uptime 0.99"))
                .hasMessageStartingWith("r: 'uptime 0.99' at position 8: expected METRIC OP NUMBER");
    }

    @Test
    void parsesBaselineAndBurnRateClausesJoinedByAnd() {
        Clause slow = parse("r", "latency.p95 > 3x baseline and latency.p95 > 2000");
        assertThat(slow).isInstanceOf(AllOf.class);
        assertThat(((AllOf) slow).clauses()).satisfiesExactly(
                baseline -> assertThat(baseline).isInstanceOfSatisfying(BaselineCondition.class, clause -> {
                    assertThat(clause.factor()).isEqualTo(3);
                    assertThat(clause.block()).as("6 h of hourly windows").isEqualTo(Duration.ofHours(1));
                    assertThat(clause.sources()).as("then 4 h of 5-minute windows, then 20 minutes of 1-minute ones")
                            .extracting(BaselineSource::size, BaselineSource::span).containsExactly(
                                    tuple(Duration.ofHours(1), Duration.ofHours(6)),
                                    tuple(Duration.ofMinutes(5), Duration.ofHours(4)),
                                    tuple(Duration.ofMinutes(1), Duration.ofMinutes(20)));
                }),
                floor -> assertThat(floor).isInstanceOfSatisfying(Condition.class,
                        clause -> assertThat(clause.threshold()).isEqualTo(2000)));
        assertThat(slow.metricName()).isEqualTo("latency.p95");
        assertThat(parse("r", "tokens-per-second.p50 < 0.5 x baseline"))
                .isInstanceOfSatisfying(BaselineCondition.class, clause -> assertThat(clause.factor()).isEqualTo(0.5));

        assertThat(parse("r", "burn-rate(6h, 30m) > 6")).isInstanceOfSatisfying(BurnRateCondition.class,
                clause -> {
                    assertThat(clause.longWindow()).isEqualTo(Duration.ofHours(6));
                    assertThat(clause.shortWindow()).isEqualTo(Duration.ofMinutes(30));
                    assertThat(clause.threshold()).isEqualTo(6);
                    assertThat(clause.objective()).isEqualTo(0.995);
                    assertThat(clause.oneFailureMinimum()).as("1 / 34 < 6 x 0.5 %% < 1 / 33").isEqualTo(34);
                    assertThat(clause.metricName()).isEqualTo("burn-rate(6h, 30m)");
                });
    }

    @Test
    void badBaselineAndBurnRateClausesArePointedAt() {
        assertThatThrownBy(() -> parse("r", "latency.p95 > 2000 and uptime < 3x baseline"))
                .hasMessage("r: 'latency.p95 > 2000 and uptime < 3x baseline' at position 24: 'x baseline' compares "
                        + "latency.*, ttft.* and tokens-per-second.p50 with their own past, not 'uptime'");
        assertThatThrownBy(() -> parse("r", "latency.p95 > three x baseline"))
                .hasMessage("r: 'latency.p95 > three x baseline' at position 15: 'three' is not a number");
        assertThatThrownBy(() -> parse("r", "burn-rate(1hour, 5m) > 14.4"))
                .hasMessage("r: 'burn-rate(1hour, 5m) > 14.4' at position 11: '1hour' is not a duration (expected a "
                        + "whole number and a unit: 500ms, 5s, 1m, 1h, 1d)");
        assertThatThrownBy(() -> parse("r", "burn-rate(5m, 1h) > 14.4"))
                .hasMessage("r: 'burn-rate(5m, 1h) > 14.4' at position 11: the long window 5m must be longer than "
                        + "the short window 1h");
        assertThatThrownBy(() -> parse("r", "burn-rate(1h, 30s) > 14.4"))
                .hasMessage("r: 'burn-rate(1h, 30s) > 14.4' at position 15: the short window 30s is shorter than the "
                        + "rule's window 1m, from whose windows it is summed");
        assertThatThrownBy(() -> parse("r", "burn-rate(1h, 5m) > fast"))
                .hasMessage("r: 'burn-rate(1h, 5m) > fast' at position 21: 'fast' is not a number");
        assertThatThrownBy(() -> parse("r", "latency.p95 > 2000 and"))
                .hasMessageStartingWith("r: 'latency.p95 > 2000 and' at position 13: expected METRIC OP NUMBER");
    }

    @Test
    void aBaselineShorterThanThreeOfTheSmallestWindowsIsRefusedWithItsRule() {
        var config = new ConfigLoader(name -> null).parse("""
                alerts:
                  rules:
                    - {name: slow, condition: "latency.p95 > 3x baseline", baseline: 2m}
                """, "m.yaml");

        assertThatThrownBy(() -> Rules.compile(config))
                .hasMessage("alerts.rules[0] (slow).condition: 'latency.p95 > 3x baseline' at position 15: baseline 2m "
                        + "is too short: it needs at least three of the smallest aggregation window (1m)");
    }

    @Test
    void rulesFromConfigAreCheckedAtCompile() {
        var config = new ConfigLoader(name -> null).parse("""
                alerts:
                  rules:
                    - {name: fine, condition: "uptime < 0.99"}
                    - {name: broken, condition: "uptime < 0.99", resolve-when: "uptim >= 0.99"}
                """, "m.yaml");

        assertThatThrownBy(() -> Rules.compile(config))
                .hasMessageStartingWith("alerts.rules[1] (broken).resolve-when: 'uptim >= 0.99' at position 1: "
                        + "unknown metric 'uptim' (did you mean 'uptime'?)");
    }

    @Test
    void defaultRulesPlusTheBuiltInMisconfiguredRule() {
        var rules = Rules.compile(new ConfigLoader(name -> null).parse("", "m.yaml"));

        assertThat(rules).extracting(Rule::name).containsExactly("down", "availability", "availability-slow", "slow",
                "silent", "model-missing", "probe-misconfigured");
        assertThat(rules.get(4)).isInstanceOf(NoDataRule.class);
        assertThat(rules.get(4).notifies("ops")).as("no notify list: every webhook").isTrue();
        assertThat(rules.get(6)).isInstanceOf(MisconfiguredRule.class);
    }

    private static Condition simple(String text) {
        return (Condition) parse("r", text);
    }

    /** Parses a condition of a 1-minute rule with the default objective and baseline, over the default windows. */
    private static Clause parse(String where, String text) {
        return ConditionParser.parse(where, text, new ClauseContext(Duration.ofMinutes(1),
                RuleConfig.DEFAULT_OBJECTIVE, RuleConfig.DEFAULT_BASELINE, AggregationConfig.DEFAULT.windows()));
    }
}
