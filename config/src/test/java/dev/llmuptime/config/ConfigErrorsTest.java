package dev.llmuptime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way a config can be wrong gives one line naming the file, line, key and what is expected. */
class ConfigErrorsTest {

    private static final Map<String, String> ENV = Map.of("OPENAI_API_KEY", "sk-secret-value");
    private static final ConfigText TEXT = new ConfigText(ENV);

    @Test
    void unknownKeySuggestsTheNearestOne() {
        TEXT.assertError("""
                kafka:
                  bootstrap-server: localhost:9092
                """, "monitor.yaml:2: unknown key 'bootstrap-server' in kafka (did you mean 'bootstrap-servers'?); "
                + "expected one of bootstrap-servers, client, partitions, replication-factor, retention, topics");
    }

    @Test
    void unknownKeyDeepInAListNamesItsPath() {
        TEXT.assertError("""
                probes:
                  targets:
                    - id: a
                      model: m
                    - id: b
                      modle: m
                """, "monitor.yaml:6: unknown key 'modle' in probes.targets[1] (did you mean 'model'?)");
    }

    @Test
    void unknownTopLevelSection() {
        TEXT.assertError("""
                alert:
                  http-port: 1
                """, "monitor.yaml:1: unknown key 'alert' (did you mean 'alerts'?)");
    }

    @Test
    void unknownKeyFarFromAnyGetsNoSuggestion() {
        TEXT.assertError("""
                aggregation:
                  colour: blue
                """, "monitor.yaml:2: unknown key 'colour' in aggregation; expected one of advertised-url, grace, http-port, standby-replicas, state-dir, windows");
    }

    @Test
    void badDuration() {
        TEXT.assertError("""
                probes:
                  targets:
                    - id: a
                      model: m
                      interval: 30 seconds
                """, "monitor.yaml:5: probes.targets[0].interval: '30 seconds' is not a duration (expected a whole "
                + "number and a unit: 500ms, 5s, 1m, 1h, 1d)");
    }

    @Test
    void badEnumValueListsTheChoices() {
        TEXT.assertError("""
                probes:
                  targets:
                    - {id: a, model: m, check: stream}
                """, "monitor.yaml:3: probes.targets[0].check: 'stream' is not one of models, chat, chat-stream, "
                + "embeddings");
    }

    @Test
    void notANumber() {
        TEXT.assertError("""
                kafka:
                  partitions: many
                """, "monitor.yaml:2: kafka.partitions: 'many' is not a whole number");
    }

    @Test
    void missingRequiredKey() {
        TEXT.assertError("""
                probes:
                  targets:
                    - id: a
                """, "probes.targets[0].model is required and must not be empty");
    }

    @Test
    void badTargetId() {
        TEXT.assertError("""
                probes:
                  targets:
                    - {id: "GPT 4", model: m}
                """, "probes.targets[0].id 'GPT 4' may use only a-z, 0-9, '.', '_' and '-'");
    }

    @Test
    void duplicateTargetIds() {
        TEXT.assertError("""
                probes:
                  targets:
                    - {id: a, model: m}
                    - {id: a, model: n}
                """, "probes.targets[1].id 'a' is used by an earlier target; ids must be unique");
    }

    @Test
    void proberIdWithASpace() {
        TEXT.assertError("""
                probes:
                  prober-id: "eu west 1"
                """, "monitor.yaml:2: probes.prober-id 'eu west 1' must be 1 to 100 letters, digits, '.', '_' or '-'");
    }

    @Test
    void timeoutLongerThanInterval() {
        TEXT.assertError("""
                probes:
                  targets:
                    - {id: a, model: m, interval: 5s, timeout: 10s}
                """, "probes.targets[0].timeout (10s) must not be longer than interval (5s)");
    }

    @Test
    void confirmationNotShorterThanInterval() {
        TEXT.assertError("""
                probes:
                  targets:
                    - {id: a, model: m, interval: 5s, confirm-after: 5s}
                """, "probes.targets[0].confirm-after (5s) must be shorter than interval (5s), or 0 to turn it off");
    }

    @Test
    void tokenBudgetMustBePositive() {
        TEXT.assertError("""
                probes:
                  token-budget: 0
                """, "monitor.yaml:2: probes.token-budget must be a positive number of tokens per 30 days, got 0 "
                + "(leave it out for no budget)");
    }

    @Test
    void tokenBudgetMustBeANumber() {
        TEXT.assertError("""
                probes:
                  token-budget: 5 million
                """, "monitor.yaml:2: probes.token-budget");
    }

    @Test
    void failingIntervalNotLongerThanInterval() {
        TEXT.assertError("""
                probes:
                  targets:
                    - {id: a, model: m, interval: 5s, failing-interval: 6s}
                """, "probes.targets[0].failing-interval (6s) must not be longer than interval (5s)");
    }

    @Test
    void failingIntervalLongerThanZero() {
        TEXT.assertError("""
                probes:
                  targets:
                    - {id: a, model: m, failing-interval: 0s}
                """, "probes.targets[0].failing-interval must be longer than 0");
    }

    @Test
    void maxBackoffAndBreakerMaxIntervalLongerThanZero() {
        TEXT.assertError("""
                probes:
                  targets:
                    - {id: a, model: m, max-backoff: 0s}
                """, "probes.targets[0].max-backoff must be longer than 0");
        TEXT.assertError("""
                probes:
                  targets:
                    - {id: a, model: m, breaker-max-interval: 0s}
                """, "probes.targets[0].breaker-max-interval must be longer than 0");
    }

    @Test
    void compatibleProviderNeedsBaseUrl() {
        TEXT.assertError("""
                probes:
                  targets:
                    - {id: a, model: m, provider: openai-compatible}
                """, "probes.targets[0].base-url is required");
    }

    @Test
    void badRegex() {
        TEXT.assertError("""
                probes:
                  targets:
                    - {id: a, model: m, expect: {content-regex: "(ok"}}
                """, "probes.targets[0].expect.content-regex is not a valid regular expression");
    }

    @Test
    void portOutOfRange() {
        TEXT.assertError("""
                aggregation:
                  http-port: 80800
                """, "aggregation.http-port must be a TCP port from 0 to 65535, got 80800");
    }

    @Test
    void advertisedUrlMustBeHttp() {
        TEXT.assertError("""
                aggregation:
                  advertised-url: aggregator-2:8080
                """, "aggregation.advertised-url 'aggregator-2:8080' must be an http:// or https:// URL");
    }

    @Test
    void standbyReplicasOutOfRange() {
        TEXT.assertError("""
                aggregation:
                  standby-replicas: -1
                """, "aggregation.standby-replicas must be from 0 to 10, got -1");
    }

    @Test
    void emptyStateDir() {
        TEXT.assertError("""
                aggregation:
                  state-dir: " "
                """, "aggregation.state-dir must not be empty");
    }

    @Test
    void ruleNotifyingAnUnknownWebhook() {
        TEXT.assertError("""
                alerts:
                  rules:
                    - {name: down, condition: "consecutive-failures >= 2", notify: [pager]}
                  webhooks:
                    - {name: ops, url: "http://127.0.0.1:9000/hook"}
                """, "alerts.rules[0].notify names webhook 'pager', which is not among alerts.webhooks [ops]");
    }

    @Test
    void flapWindowOnANoDataRule() {
        TEXT.assertError("""
                alerts:
                  rules:
                    - {name: silent, condition: no-data, flap-window: 5m}
                """, "alerts.rules[0].flap-window applies only to rules on a metric, not to no-data");
    }

    @Test
    void missedProbesOnARuleOnAMetric() {
        TEXT.assertError("""
                alerts:
                  rules:
                    - {name: down, condition: "consecutive-failures >= 2", missed-probes: 3}
                """, "alerts.rules[0].missed-probes applies only to no-data rules");
    }

    @Test
    void negativeMissedProbes() {
        TEXT.assertError("""
                alerts:
                  rules:
                    - {name: silent, condition: no-data, missed-probes: -1}
                """, "alerts.rules[0].missed-probes must be at least 0, got -1");
    }

    @Test
    void objectiveThatIsNotARatio() {
        TEXT.assertError("""
                alerts:
                  rules:
                    - {name: a, condition: "burn-rate(1h, 5m) > 14.4", objective: high}
                """, "monitor.yaml:3: alerts.rules[0].objective: 'high' is not a ratio (expected e.g. 0.995 or 99.5%)");
    }

    @Test
    void objectiveOutsideZeroToOne() {
        TEXT.assertError("""
                alerts:
                  rules:
                    - {name: a, condition: "burn-rate(1h, 5m) > 14.4", objective: 100%}
                """, "alerts.rules[0].objective must be above 0 and below 1 (e.g. 0.995 or 99.5%), got 1.0");
    }

    @Test
    void baselineThatIsNotADuration() {
        TEXT.assertError("""
                alerts:
                  rules:
                    - {name: a, condition: "latency.p95 > 3x baseline", baseline: 6 hours}
                """, "monitor.yaml:3: alerts.rules[0].baseline: '6 hours' is not a duration");
    }

    @Test
    void pagerdutyNeedsRoutingKey() {
        TEXT.assertError("""
                alerts:
                  webhooks:
                    - {name: pd, url: "https://events.pagerduty.com/v2/enqueue", format: pagerduty}
                """, "alerts.webhooks[0].routing-key is required for format pagerduty");
    }

    @Test
    void alertmanagerApiNeedsTheBaseUrl() {
        TEXT.assertError("""
                alerts:
                  webhooks:
                    - {name: am, url: "http://alertmanager:9093/api/v2/alerts", format: alertmanager-api}
                """, "alerts.webhooks[0].url must be the Alertmanager's base URL (e.g. http://alertmanager:9093) for "
                + "format alertmanager-api: /api/v2/alerts is added to it, got 'http://alertmanager:9093/api/v2/alerts'");
    }

    @Test
    void invalidYaml() {
        TEXT.assertError("""
                kafka:
                  partitions: 3
                 topics: {}
                """, "monitor.yaml:3: not valid YAML");
    }

    @Test
    void duplicateKey() {
        TEXT.assertError("""
                kafka:
                  partitions: 3
                  partitions: 4
                """, "monitor.yaml:3: key 'partitions' appears twice in kafka");
    }

    @Test
    void unsetVariableNamesLineAndVariable() {
        assertThatThrownBy(() -> new ConfigLoader(name -> null).parse("""
                probes:
                  targets:
                    - id: a
                      model: m
                      api-key: ${OPENAI_API_KEY}
                """, "monitor.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("monitor.yaml:5: environment variable OPENAI_API_KEY is not set (set it, or write "
                        + "${OPENAI_API_KEY:-default} to give a default)");
    }

    @Test
    void variablesInCommentsAreIgnored() {
        MonitorConfig config = new ConfigLoader(name -> null).parse("""
                # api-key: ${OPENAI_API_KEY}
                kafka:
                  partitions: 3   # or ${PARTITIONS}
                """, "monitor.yaml");

        assertThat(config.kafka().partitions()).isEqualTo(3);
    }

    @Test
    void secretValueNeverAppearsInAnError() {
        assertThatThrownBy(() -> TEXT.load("""
                probes:
                  targets:
                    - id: a
                      model: m
                      api-key: [${OPENAI_API_KEY}]
                """))
                .isInstanceOf(ConfigException.class)
                .hasMessage("monitor.yaml:5: probes.targets[0].api-key: expected a string")
                .hasMessageNotContaining("sk-secret-value");
    }

    @Test
    void missingFile(@TempDir Path dir) {
        Path file = dir.resolve("nope.yaml");
        assertThatThrownBy(() -> new ConfigLoader(ENV::get).load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessage(file + ": no such file (pass --config FILE)");
    }

    @Test
    void sectionOfTheWrongShape() {
        TEXT.assertError("kafka: localhost:9092\n", "monitor.yaml:1: kafka: expected a mapping of keys to values");
    }
}
