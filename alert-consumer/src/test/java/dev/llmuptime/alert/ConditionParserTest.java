package dev.llmuptime.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmuptime.config.ConfigException;
import dev.llmuptime.config.ConfigLoader;
import org.junit.jupiter.api.Test;

class ConditionParserTest {

    @Test
    void parsesEveryMetricAndOperator() {
        assertThat(ConditionParser.parse("r", "uptime < 0.99").operator()).isEqualTo(Operator.LESS);
        assertThat(ConditionParser.parse("r", "latency.p95>5000").threshold()).isEqualTo(5000);
        assertThat(ConditionParser.parse("r", "  ttft.p99 >= 1500 ").metric().name()).isEqualTo("ttft.p99");
        assertThat(ConditionParser.parse("r", "outcome.RATE_LIMITED > 0.1").metric().name()).isEqualTo("outcome.RATE_LIMITED");
        assertThat(ConditionParser.parse("r", "tokens-per-second.p50 <= 20").operator()).isEqualTo(Operator.LESS_OR_EQUAL);
        assertThat(ConditionParser.parse("r", "error-rate > 0.05").metric().name()).isEqualTo("error-rate");
    }

    @Test
    void unknownMetricNamesTheRuleAndPositionAndSuggests() {
        assertThatThrownBy(() -> ConditionParser.parse("alerts.rules[0] (down).condition", "consecutive-failurs >= 2"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("alerts.rules[0] (down).condition: 'consecutive-failurs >= 2' at position 1: "
                        + "unknown metric 'consecutive-failurs' (did you mean 'consecutive-failures'?)");
    }

    @Test
    void badNumberIsPointedAt() {
        assertThatThrownBy(() -> ConditionParser.parse("r", "uptime < ninety"))
                .hasMessage("r: 'uptime < ninety' at position 10: 'ninety' is not a number");
    }

    @Test
    void missingOperatorIsPointedAt() {
        assertThatThrownBy(() -> ConditionParser.parse("r", "uptime 0.99"))
                .hasMessageStartingWith("r: 'uptime 0.99' at position 8: expected METRIC OP NUMBER");
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

        assertThat(rules).extracting(Rule::name).containsExactly("down", "availability", "slow", "silent",
                "model-missing", "probe-misconfigured");
        assertThat(rules.get(3)).isInstanceOf(NoDataRule.class);
        assertThat(rules.get(3).notifies("ops")).as("no notify list: every webhook").isTrue();
        assertThat(rules.get(5)).isInstanceOf(MisconfiguredRule.class);
    }
}
