package dev.llmuptime.alert;

import dev.llmuptime.config.AlertsConfig;
import dev.llmuptime.config.RouteConfig;
import dev.llmuptime.config.WebhookConfig;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * {@code alerts.routes}: the first route whose match takes an alert decides where it goes. An alert no
 * route takes goes where its rule's {@code notify} says (absent: every webhook), reminded every
 * {@code alerts.repeat-interval}, without escalation.
 */
final class Routes {

    private final List<Compiled> routes;
    private final Duration repeatInterval;
    private final List<String> allWebhooks;
    private final Function<String, Rule> rules;

    /** {@code rules} finds a rule by name, null for a rule it does not know. */
    Routes(AlertsConfig alerts, Function<String, Rule> rules) {
        this.routes = alerts.routes().stream().map(route -> new Compiled(LabelMatch.of(route.match()), route)).toList();
        this.repeatInterval = alerts.repeatInterval();
        this.allWebhooks = alerts.webhooks().stream().map(WebhookConfig::name).toList();
        this.rules = rules;
    }

    Route routeFor(AlertLabels labels) {
        List<String> ruleNotify = ruleNotify(labels.rule());
        for (Compiled compiled : routes) {
            if (compiled.match().matches(labels)) {
                RouteConfig route = compiled.config();
                return new Route(route.notifyWebhooks() == null ? ruleNotify : route.notifyWebhooks(),
                        route.repeatInterval() == null ? repeatInterval : route.repeatInterval(), route.escalate());
            }
        }
        return new Route(ruleNotify, repeatInterval, List.of());
    }

    /** The webhooks the rule names, as delivery has always read them: every webhook for a rule without a list. */
    private List<String> ruleNotify(String ruleName) {
        Rule rule = rules.apply(ruleName);
        return rule == null || rule.webhooks() == null ? allWebhooks
                : allWebhooks.stream().filter(rule::notifies).toList();
    }

    private record Compiled(LabelMatch match, RouteConfig config) {
    }
}
