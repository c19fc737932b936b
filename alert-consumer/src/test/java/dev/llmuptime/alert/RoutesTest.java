package dev.llmuptime.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmuptime.config.ConfigLoader;
import dev.llmuptime.config.EscalationConfig;
import dev.llmuptime.config.MonitorConfig;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The first route whose globs all match an alert's labels decides; otherwise the rule's notify and the global repeat-interval. */
class RoutesTest {

    private final Routes routes = routes("""
            alerts:
              webhooks:
                - {name: ops, url: "http://127.0.0.1:9000/ops"}
                - {name: eu, url: "http://127.0.0.1:9000/eu"}
                - {name: manager, url: "http://127.0.0.1:9000/manager"}
              rules:
                - {name: down, condition: "consecutive-failures >= 2", severity: critical, notify: [ops]}
              repeat-interval: 4h
              routes:
                - match: {region: "eu-*"}
                  notify: [eu]
                - match: {severity: critical, provider: openai, model: "gpt-4?-*"}
                  repeat-interval: 30m
                  escalate: [{after: 15m, notify: [manager]}]
            """);

    @Test
    void aRegionsOwnWarningIsRoutedByItsRegion() {
        Route route = routes.routeFor(labels("down-region", "warning", "gpt-4o-mini", "eu-west"));

        assertThat(route).isEqualTo(new Route(List.of("eu"), Duration.ofHours(4), List.of()));
    }

    @Test
    void everyGlobOfTheRouteMustMatchAndItsNotifyDefaultsToTheRules() {
        assertThat(routes.routeFor(labels("down", "critical", "gpt-4o-mini", "*"))).isEqualTo(new Route(List.of("ops"),
                Duration.ofMinutes(30), List.of(new EscalationConfig(Duration.ofMinutes(15), List.of("manager")))));
        assertThat(routes.routeFor(labels("down", "critical", "gpt-3.5-turbo", "*")))
                .as("no route: the rule's notify").isEqualTo(new Route(List.of("ops"), Duration.ofHours(4), List.of()));
    }

    @Test
    void aRuleWithoutNotifyAndNoRouteGoesToEveryWebhook() {
        assertThat(routes.routeFor(labels("probe-misconfigured", "warning", "gpt-3.5-turbo", "*")).receivers())
                .containsExactly("ops", "eu", "manager");
    }

    private static AlertLabels labels(String rule, String severity, String model, String region) {
        return new AlertLabels(rule, severity, "openai-chat", model, "openai", region);
    }

    private static Routes routes(String yaml) {
        MonitorConfig config = new ConfigLoader(name -> null).parse(yaml, "test.yaml");
        return new Routes(config.alerts(), Rules.byName(Rules.compile(config))::get);
    }
}
