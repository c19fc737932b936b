package dev.llmuptime.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The alert-consumer's section. Without {@code rules}, {@link #DEFAULT_RULES} apply.
 * {@code dashboard-url} is the link put in notifications (default: the aggregator on localhost).
 * Without {@code routes} each rule's {@code notify} applies; without {@code repeat-interval} a firing
 * alert is sent once; {@code maintenance} windows hold back the alerts they match. Without
 * {@code api-token} the write API (acknowledgements, silences) answers 403. {@code inhibit} (on by
 * default) holds back a provider's alerts while most of its targets fail, behind one provider-level alert.
 */
public record AlertsConfig(
        @JsonProperty("http-port") Integer httpPort,
        @JsonProperty("dashboard-url") URI dashboardUrl,
        @JsonProperty("rules") List<RuleConfig> rules,
        @JsonProperty("webhooks") List<WebhookConfig> webhooks,
        @JsonProperty("repeat-interval") Duration repeatInterval,
        @JsonProperty("routes") List<RouteConfig> routes,
        @JsonProperty("maintenance") List<MaintenanceConfig> maintenance,
        @JsonProperty("api-token") Secret apiToken,
        @JsonProperty("inhibit") InhibitConfig inhibit) {

    /**
     * The rules used when the config has none: a hard outage, the error budget burning fast (pages) and
     * slowly (warns), a slowdown against the target's own baseline, silence, a model no longer listed.
     */
    public static final List<RuleConfig> DEFAULT_RULES = List.of(
            new RuleConfig("down", "*", Duration.ofMinutes(1), "consecutive-failures >= 2",
                    "consecutive-successes >= 2", 1, Duration.ZERO, Duration.ZERO, "critical", null,
                    Duration.ofMinutes(5), null, null, null),
            new RuleConfig("availability", "*", Duration.ofMinutes(1), "burn-rate(1h, 5m) > 14.4", null, 90,
                    Duration.ZERO, Duration.ZERO, "critical", null),
            new RuleConfig("availability-slow", "*", Duration.ofMinutes(5), "burn-rate(6h, 30m) > 6", null, 360,
                    Duration.ZERO, Duration.ZERO, "warning", null),
            new RuleConfig("slow", "*", Duration.ofMinutes(1), "latency.p95 > 3x baseline and latency.p95 > 2000",
                    null, 2, Duration.ZERO, Duration.ZERO, "warning", null),
            new RuleConfig("silent", "*", Duration.ofMinutes(1), "no-data", null, 0, Duration.ofMinutes(2),
                    Duration.ZERO, "warning", null, null, 3, null, null),
            new RuleConfig("model-missing", "*", Duration.ofMinutes(1), "last-outcome.MODEL_UNAVAILABLE >= 1", null,
                    1, Duration.ofMinutes(1), Duration.ZERO, "warning", null));

    public static final AlertsConfig DEFAULT = new AlertsConfig(null, null, null, null);

    /** Rules and webhooks only: no routes, reminders or maintenance windows; inhibition as by default. */
    public AlertsConfig(Integer httpPort, URI dashboardUrl, List<RuleConfig> rules, List<WebhookConfig> webhooks) {
        this(httpPort, dashboardUrl, rules, webhooks, null, null, null, null, null);
    }

    public AlertsConfig {
        httpPort = Check.port("http-port", httpPort, 8082);
        if (dashboardUrl != null) {
            Check.httpUrl("dashboard-url", dashboardUrl);
        }
        rules = rules == null ? DEFAULT_RULES : List.copyOf(rules);
        webhooks = Check.orDefault(webhooks, List.<WebhookConfig>of()).stream().filter(w -> !w.leftOut()).toList();
        Check.unique("webhooks", webhooks, WebhookConfig::name, "name", "webhook");
        Check.unique("rules", rules, RuleConfig::name, "name", "rule");
        Set<String> webhookNames = new TreeSet<>();
        webhooks.forEach(webhook -> webhookNames.add(webhook.name()));
        for (int i = 0; i < rules.size(); i++) {
            checkNames("rules[" + i + "].notify", rules.get(i).notifyWebhooks(), webhookNames);
        }
        if (repeatInterval != null) {
            Check.positive("repeat-interval", repeatInterval, null);
        }
        routes = List.copyOf(Check.orDefault(routes, List.<RouteConfig>of()));
        for (int i = 0; i < routes.size(); i++) {
            checkNames("routes[" + i + "].notify", routes.get(i).notifyWebhooks(), webhookNames);
            List<EscalationConfig> escalate = routes.get(i).escalate();
            for (int step = 0; step < escalate.size(); step++) {
                checkNames("routes[" + i + "].escalate[" + step + "].notify", escalate.get(step).notifyWebhooks(),
                        webhookNames);
            }
        }
        maintenance = List.copyOf(Check.orDefault(maintenance, List.<MaintenanceConfig>of()));
        apiToken = Check.orDefault(apiToken, Secret.none());
        inhibit = Check.orDefault(inhibit, InhibitConfig.DEFAULT);
    }

    /** Every name in {@code names} (null: none) must be one of the webhooks. */
    private static void checkNames(String key, List<String> names, Set<String> webhookNames) {
        for (String webhook : names == null ? List.<String>of() : names) {
            if (!webhookNames.contains(webhook)) {
                throw new InvalidValueException(key, "names webhook '" + webhook + "', which is not among alerts.webhooks "
                        + webhookNames);
            }
        }
    }
}
