package dev.llmuptime.alert;

import dev.llmuptime.config.MonitorConfig;
import dev.llmuptime.config.RuleConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Compiles the configured rules (or the defaults) and adds the built-in probe-misconfigured rule. */
final class Rules {

    private Rules() {
    }

    /** Throws {@link dev.llmuptime.config.ConfigException} naming the rule and position of a bad condition. */
    static List<Rule> compile(MonitorConfig config) {
        List<Rule> rules = new ArrayList<>();
        List<RuleConfig> configured = config.alerts().rules();
        for (int i = 0; i < configured.size(); i++) {
            RuleConfig rule = configured.get(i);
            String where = "alerts.rules[" + i + "] (" + rule.name() + ")";
            boolean noData = rule.condition().trim().equals("no-data");
            Condition condition = noData ? null : ConditionParser.parse(where + ".condition", rule.condition());
            Condition resolveWhen = rule.resolveWhen() == null ? null
                    : ConditionParser.parse(where + ".resolve-when", rule.resolveWhen());
            rules.add(new Rule(rule.name(), noData ? Rule.Kind.NO_DATA : Rule.Kind.THRESHOLD, Rule.glob(rule.targets()),
                    rule.window(), condition, resolveWhen, rule.minSamples(), rule.forDuration(), rule.keepFiringFor(),
                    rule.severity(), rule.notifyWebhooks()));
        }
        if (rules.stream().noneMatch(rule -> rule.name().equals(Rule.MISCONFIGURED_NAME))) {
            Duration smallest = Collections.min(config.aggregation().windows());
            rules.add(new Rule(Rule.MISCONFIGURED_NAME, Rule.Kind.MISCONFIGURED, Rule.glob("*"), smallest, null, null,
                    1, Duration.ZERO, Duration.ZERO, "warning", null));
        }
        return List.copyOf(rules);
    }
}
