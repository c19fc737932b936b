package dev.llmuptime.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {

    private static final Map<String, String> ENV = Map.of(
            "OPENAI_API_KEY", "sk-test-0123456789abcdef",
            "WEBHOOK_SECRET", "whsec-42");

    @Test
    void contractExampleLoadsWithEveryValue() throws IOException {
        MonitorConfig config = new ConfigLoader(ENV::get).parse(resource("contract-example.yaml"), "monitor.yaml");

        assertThat(config.kafka().bootstrapServers()).isEqualTo("localhost:9092");
        assertThat(config.kafka().topics()).isEqualTo(new TopicsConfig("llm.probe.results", "llm.probe.stats",
                "llm.alerts"));
        assertThat(config.kafka().partitions()).isEqualTo(6);
        assertThat(config.kafka().replicationFactor()).isEqualTo(1);
        assertThat(config.kafka().client()).isEmpty();

        assertThat(config.probes().region()).isEqualTo("local");
        assertThat(config.probes().proberId()).as("named after host and process unless set").isNull();
        assertThat(config.probes().httpPort()).isEqualTo(8081);
        TargetConfig target = config.probes().targets().get(0);
        assertThat(target.id()).isEqualTo("openai-gpt-4o-mini-chat");
        assertThat(target.provider()).isEqualTo(Provider.OPENAI);
        assertThat(target.baseUrl()).isEqualTo(URI.create("https://api.openai.com/v1"));
        assertThat(target.apiKey().reveal()).isEqualTo("sk-test-0123456789abcdef");
        assertThat(target.model()).isEqualTo("gpt-4o-mini");
        assertThat(target.check()).isEqualTo(CheckType.CHAT_STREAM);
        assertThat(target.interval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(target.timeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(target.maxTokens()).isEqualTo(5);
        assertThat(target.prompt()).isEqualTo("Reply with the single word OK.");
        assertThat(target.expect().contentPattern().matcher("Ok.").find()).isTrue();
        assertThat(target.expect().maxLatency()).isEqualTo(Duration.ofSeconds(10));

        assertThat(config.aggregation().windows()).containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(5),
                Duration.ofHours(1));
        assertThat(config.aggregation().grace()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.aggregation().httpPort()).isEqualTo(8080);
        assertThat(config.aggregation().advertisedUrl()).hasToString("http://localhost:8080");
        assertThat(config.aggregation().stateDir()).isEqualTo("./.local-data/streams");
        assertThat(config.aggregation().standbyReplicas()).isEqualTo(1);

        assertThat(config.alerts().httpPort()).isEqualTo(8082);
        assertThat(config.alerts().rules()).extracting(RuleConfig::name)
                .containsExactly("down", "availability", "slow", "silent");
        RuleConfig down = config.alerts().rules().get(0);
        assertThat(down.condition()).isEqualTo("consecutive-failures >= 2");
        assertThat(down.resolveWhen()).isEqualTo("consecutive-successes >= 2");
        assertThat(down.notifyWebhooks()).containsExactly("ops");
        assertThat(down.severity()).isEqualTo("critical");
        RuleConfig silent = config.alerts().rules().get(3);
        assertThat(silent.forDuration()).isEqualTo(Duration.ofMinutes(2));
        assertThat(silent.window()).isEqualTo(Duration.ofMinutes(1));
        assertThat(silent.notifyWebhooks()).as("absent: every webhook").isNull();
        WebhookConfig ops = config.alerts().webhooks().get(0);
        assertThat(ops.format()).isEqualTo(WebhookFormat.GENERIC);
        assertThat(ops.secret().reveal()).isEqualTo("whsec-42");
        assertThat(ops.maxRetryAge()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void aggregationScaleOutSettings() {
        MonitorConfig config = load("""
                aggregation:
                  http-port: 9090
                  advertised-url: http://aggregator-2:9090
                  state-dir: /var/lib/aggregator
                  standby-replicas: 2
                """);

        assertThat(config.aggregation().advertisedUrl()).hasToString("http://aggregator-2:9090");
        assertThat(config.aggregation().advertisedPort()).isEqualTo(9090);
        assertThat(config.aggregation().stateDir()).isEqualTo("/var/lib/aggregator");
        assertThat(config.aggregation().standbyReplicas()).isEqualTo(2);
    }

    @Test
    void advertisedUrlFollowsTheHttpPortAndItsSchemesDefaultPort() {
        assertThat(load("aggregation: {http-port: 9191}\n").aggregation().advertisedUrl())
                .hasToString("http://localhost:9191");
        assertThat(load("aggregation: {advertised-url: \"https://stats.example\"}\n").aggregation().advertisedPort())
                .isEqualTo(443);
    }

    @Test
    void alertmanagerApiWebhookTakesTheAlertmanagersBaseUrl() {
        WebhookConfig webhook = load("""
                alerts:
                  webhooks:
                    - {name: am, url: "http://alertmanager:9093/am/", format: alertmanager-api}
                """).alerts().webhooks().get(0);

        assertThat(webhook.format()).isEqualTo(WebhookFormat.ALERTMANAGER_API);
        assertThat(webhook.url()).hasToString("http://alertmanager:9093/am/");
    }

    @Test
    void emptyFileGivesDefaults() {
        MonitorConfig config = load("# nothing here\n");

        assertThat(config).isEqualTo(MonitorConfig.DEFAULT);
        assertThat(config.kafka().bootstrapServers()).isEqualTo("localhost:9092");
        assertThat(config.aggregation().windows()).hasSize(3);
        assertThat(config.alerts().rules()).isEqualTo(AlertsConfig.DEFAULT_RULES);
    }

    @Test
    void targetDefaults() {
        TargetConfig target = load("""
                probes:
                  targets:
                    - id: a
                      model: gpt-4o-mini
                """).probes().targets().get(0);

        assertThat(target.provider()).isEqualTo(Provider.OPENAI);
        assertThat(target.baseUrl()).isEqualTo(URI.create("https://api.openai.com/v1"));
        assertThat(target.apiKey().isPresent()).isFalse();
        assertThat(target.check()).isEqualTo(CheckType.CHAT_STREAM);
        assertThat(target.interval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(target.timeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(target.maxTokens()).isEqualTo(5);
        assertThat(target.expect()).isEqualTo(ExpectConfig.NONE);
    }

    @Test
    void shortIntervalShortensTheDefaultTimeout() {
        TargetConfig target = load("""
                probes:
                  targets:
                    - {id: a, model: m, interval: 5s}
                """).probes().targets().get(0);

        assertThat(target.timeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void aFailureIsConfirmedAfterASecondUnlessTheIntervalIsThatShort() {
        MonitorConfig config = load("""
                probes:
                  targets:
                    - {id: a, model: m}
                    - {id: b, model: m, interval: 1s}
                    - {id: c, model: m, interval: 5s, confirm-after: 500ms}
                    - {id: d, model: m, confirm-after: 0s}
                """);

        assertThat(config.probes().targets()).extracting(TargetConfig::confirmAfter).containsExactly(
                Duration.ofSeconds(1), Duration.ZERO, Duration.ofMillis(500), Duration.ZERO);
    }

    @Test
    void theTokenBudgetIsUnlimitedUnlessSet() {
        assertThat(load("probes: {targets: [{id: a, model: m}]}\n").probes().tokenBudget()).isNull();
        assertThat(load("probes: {token-budget: 5000000, targets: [{id: a, model: m}]}\n").probes().tokenBudget())
                .isEqualTo(5_000_000L);
    }

    @Test
    void otherTargetsKeepTheSectionsTokenBudget() {
        ProbesConfig probes = load("probes: {region: r, token-budget: 7, targets: [{id: a, model: m}]}\n").probes();

        ProbesConfig replaced = probes.withTargets(List.of());

        assertThat(replaced.targets()).isEmpty();
        assertThat(replaced.tokenBudget()).isEqualTo(7L);
        assertThat(replaced.region()).isEqualTo("r");
    }

    @Test
    void aFailingTargetIsProbedEveryFifthIntervalButAtMostOnceASecondByDefault() {
        MonitorConfig config = load("""
                probes:
                  targets:
                    - {id: a, model: m}
                    - {id: b, model: m, interval: 2s}
                    - {id: c, model: m, interval: 500ms, timeout: 500ms}
                    - {id: d, model: m, interval: 5s, failing-interval: 5s}
                """);

        assertThat(config.probes().targets()).extracting(TargetConfig::failingInterval).containsExactly(
                Duration.ofSeconds(6), Duration.ofSeconds(1), Duration.ofMillis(500), Duration.ofSeconds(5));
    }

    @Test
    void backoffsAreCappedAtFiveMinutesAndTheBreakerAtAMinuteByDefault() {
        MonitorConfig config = load("""
                probes:
                  targets:
                    - {id: a, model: m}
                    - {id: b, model: m, max-backoff: 30s, breaker-max-interval: 10m}
                """);

        assertThat(config.probes().targets()).extracting(TargetConfig::maxBackoff)
                .containsExactly(Duration.ofMinutes(5), Duration.ofSeconds(30));
        assertThat(config.probes().targets()).extracting(TargetConfig::breakerMaxInterval)
                .containsExactly(Duration.ofSeconds(60), Duration.ofMinutes(10));
    }

    @Test
    void environmentDefaultsApplyWhenUnset() {
        MonitorConfig config = new ConfigLoader(name -> null).parse("""
                kafka:
                  bootstrap-servers: ${KAFKA_BOOTSTRAP_SERVERS:-broker:29092}
                probes:
                  targets:
                    - {id: a, provider: openai-compatible, base-url: "http://localhost:8000/v1", model: m, api-key: ${KEY:-}}
                """, "monitor.yaml");

        assertThat(config.kafka().bootstrapServers()).isEqualTo("broker:29092");
        assertThat(config.probes().targets().get(0).apiKey().isPresent()).isFalse();
    }

    @Test
    void clientPropertiesPassThrough() {
        KafkaConfig kafka = load("""
                kafka:
                  bootstrap-servers: b1:9093,b2:9093
                  client: {security.protocol: SASL_SSL, sasl.mechanism: PLAIN}
                """).kafka();

        assertThat(kafka.clientProperties()).containsEntry("bootstrap.servers", "b1:9093,b2:9093")
                .containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "PLAIN");
    }

    @Test
    void secretsNeverShowInToString() throws IOException {
        MonitorConfig config = new ConfigLoader(ENV::get).parse(resource("contract-example.yaml"), "monitor.yaml");

        assertThat(config.toString()).doesNotContain("sk-test-0123456789abcdef").doesNotContain("whsec-42")
                .contains("apiKey=****");
        assertThat(Secret.none().toString()).isEqualTo("(none)");
    }

    @Test
    void defaultRulesAreTheDocumentedSix() {
        List<RuleConfig> rules = AlertsConfig.DEFAULT_RULES;

        assertThat(rules).extracting(RuleConfig::name).containsExactly("down", "availability", "availability-slow",
                "slow", "silent", "model-missing");
        assertThat(rules).extracting(RuleConfig::condition).containsExactly("consecutive-failures >= 2",
                "burn-rate(1h, 5m) > 14.4", "burn-rate(6h, 30m) > 6",
                "latency.p95 > 3x baseline and latency.p95 > 2000", "no-data", "last-outcome.MODEL_UNAVAILABLE >= 1");
        assertThat(rules).extracting(RuleConfig::objective).containsOnly(0.995);
        assertThat(rules).extracting(RuleConfig::baseline).containsOnly(Duration.ofHours(6));
        assertThat(rules.get(0).flapWindow()).isEqualTo(Duration.ofMinutes(5));
        assertThat(rules.get(4).missedProbes()).isEqualTo(3);
    }

    @Test
    void rulesWrittenBeforeFlapWindowAndMissedProbesKeepTheirMeaning() {
        MonitorConfig config = load("""
                alerts:
                  rules:
                    - {name: down, condition: "consecutive-failures >= 2"}
                    - {name: silent, condition: no-data, for: 2m}
                    - {name: held, condition: "consecutive-failures >= 2", flap-window: 10m}
                    - {name: patient, condition: no-data, missed-probes: 4}
                """);

        assertThat(config.alerts().rules()).extracting(RuleConfig::flapWindow)
                .containsExactly(Duration.ZERO, Duration.ZERO, Duration.ofMinutes(10), Duration.ZERO);
        assertThat(config.alerts().rules()).extracting(RuleConfig::missedProbes).containsExactly(0, 0, 0, 4);
    }

    @Test
    void objectiveIsARatioOrAPercentageAndBaselineADuration() {
        MonitorConfig config = load("""
                alerts:
                  rules:
                    - {name: a, condition: "burn-rate(1h, 5m) > 14.4", objective: 99.9%}
                    - {name: b, condition: "burn-rate(1h, 5m) > 14.4", objective: 0.99}
                    - {name: c, condition: "latency.p95 > 2x baseline", baseline: 24h}
                """);

        assertThat(config.alerts().rules()).extracting(RuleConfig::objective).containsExactly(0.999, 0.99, 0.995);
        assertThat(config.alerts().rules().get(2).baseline()).isEqualTo(Duration.ofHours(24));
    }

    static MonitorConfig load(String yaml) {
        return new ConfigLoader(ENV::get).parse(yaml, "monitor.yaml");
    }

    static String resource(String name) throws IOException {
        try (InputStream in = ConfigLoaderTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
