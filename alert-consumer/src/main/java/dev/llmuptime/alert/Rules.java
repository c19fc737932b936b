package dev.llmuptime.alert;

import dev.llmuptime.config.ConfigException;
import dev.llmuptime.config.MonitorConfig;
import dev.llmuptime.config.RuleConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Compiles the configured rules (or the defaults) and adds the built-in probe-misconfigured rule. */
final class Rules {

    private Rules() {
    }

    /** The rules by name. */
    static Map<String, Rule> byName(List<Rule> rules) {
        Map<String, Rule> byName = new HashMap<>();
        rules.forEach(rule -> byName.put(rule.name(), rule));
        return byName;
    }

    /** Throws {@link ConfigException} naming the rule and position of a bad condition. */
    static List<Rule> compile(MonitorConfig config) {
        List<Rule> rules = new ArrayList<>();
        List<RuleConfig> configured = config.alerts().rules();
        for (int i = 0; i < configured.size(); i++) {
            rules.add(compile(configured.get(i), "alerts.rules[" + i + "] (" + configured.get(i).name() + ")",
                    config.aggregation().windows()));
        }
        if (rules.stream().noneMatch(rule -> rule.name().equals(MisconfiguredRule.NAME))) {
            Duration smallest = Collections.min(config.aggregation().windows());
            rules.add(new MisconfiguredRule(smallest));
        }
        return List.copyOf(rules);
    }

    private static Rule compile(RuleConfig rule, String where, List<Duration> aggregationWindows) {
        ClauseContext context = new ClauseContext(rule.window(), rule.objective(), rule.baseline(), aggregationWindows);
        boolean noData = rule.noData();
        Clause condition = noData ? null : ConditionParser.parse(where + ".condition", rule.condition(), context);
        // Checked on every rule, so a mistake shows even where it has no effect (no-data resolves on stats).
        Clause resolveWhen = rule.resolveWhen() == null ? null
                : ConditionParser.parse(where + ".resolve-when", rule.resolveWhen(), context);
        if (noData) {
            return new NoDataRule(rule.name(), Rule.glob(rule.targets()), rule.forDuration(), rule.severity(),
                    rule.notifyWebhooks(), rule.missedProbes());
        }
        return new ThresholdRule(rule.name(), Rule.glob(rule.targets()), rule.window(), condition, resolveWhen,
                rule.minSamples(), rule.forDuration(), rule.keepFiringFor(), rule.severity(), rule.notifyWebhooks(),
                rule.flapWindow());
    }
}
