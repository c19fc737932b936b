package dev.llmuptime.bench;

import dev.llmuptime.config.AggregationConfig;
import dev.llmuptime.config.AlertsConfig;
import dev.llmuptime.config.CheckType;
import dev.llmuptime.config.KafkaConfig;
import dev.llmuptime.config.MonitorConfig;
import dev.llmuptime.config.ProbesConfig;
import dev.llmuptime.config.Provider;
import dev.llmuptime.config.RuleConfig;
import dev.llmuptime.config.TargetConfig;
import dev.llmuptime.config.TopicsConfig;
import dev.llmuptime.config.WebhookConfig;
import dev.llmuptime.config.WebhookFormat;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * The configurations the benchmarks start this project's services with, built from the config
 * records, so each is valid before any service reads it. Windows and grace are written out
 * (1m, 5m, 1h; 10 s) so that a change of the defaults does not change what a benchmark measures.
 */
final class ServiceConfigs {

    /** The rules of {@code ours-fast} in the peers benchmark: an outage on the first failure, slowness over 2 s. */
    static final List<RuleConfig> FAST_RULES = List.of(
            new RuleConfig("down", null, null, "consecutive-failures >= 1", null, null, null, null, "critical", null),
            new RuleConfig("slow", null, Duration.ofMinutes(1), "latency.p95 > 2000", null, 1, null, null, "warning",
                    null));

    /** The region of the peers benchmark's own prober. */
    static final String PEERS_REGION = "bench";

    private static final List<Duration> WINDOWS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofHours(1));
    private static final Duration GRACE = Duration.ofSeconds(10);
    private static final int PARTITIONS = 6;

    private ServiceConfigs() {
    }

    /** probe-producer probing targets {@code t0 .. t<targets-1>}, each sim-small with chat-stream every {@code interval}. */
    static MonitorConfig probeProducer(int targets, Duration interval, String bootstrap, String topic, URI simBaseUrl,
            int httpPort) {
        List<TargetConfig> probed = IntStream.range(0, targets)
                .mapToObj(i -> simulated("t" + i, simBaseUrl, "sim-small", CheckType.CHAT_STREAM, interval, null))
                .toList();
        return new MonitorConfig(new KafkaConfig(bootstrap, new TopicsConfig(topic, null, null), PARTITIONS, null, null),
                new ProbesConfig("bench", httpPort, probed), null, null);
    }

    /** aggregator-streams from {@code results} to {@code stats}, with its own application id and state directory. */
    static MonitorConfig aggregator(String bootstrap, String results, String stats, String applicationId,
            Path stateDir) {
        return new MonitorConfig(new KafkaConfig(bootstrap, new TopicsConfig(results, stats, null), PARTITIONS, null,
                Map.of("application.id", applicationId, "state.dir", stateDir.toString())), null, aggregation(0), null);
    }

    /**
     * The services of the peers benchmark: one target per model of the simulated provider, chat every 5 s;
     * {@code alerts} is null for the prober and the aggregator, which send no alerts.
     */
    static MonitorConfig peers(String bootstrap, TopicsConfig topics, URI simBaseUrl, List<String> models,
            int aggregatorPort, AlertsConfig alerts) {
        return new MonitorConfig(new KafkaConfig(bootstrap, topics, 1, null, null),
                new ProbesConfig(PEERS_REGION, 0, chats(models, model -> simBaseUrl)), aggregation(aggregatorPort),
                alerts);
    }

    /**
     * A probe-producer of another region probing the same targets as {@link #peers}, except that
     * {@code failing} is sent to {@code failingBaseUrl}, so its probes of that model fail in this region only.
     */
    static MonitorConfig otherRegion(String bootstrap, TopicsConfig topics, String region, URI simBaseUrl,
            List<String> models, String failing, URI failingBaseUrl) {
        return new MonitorConfig(new KafkaConfig(bootstrap, topics, 1, null, null), new ProbesConfig(region, 0,
                chats(models, model -> model.equals(failing) ? failingBaseUrl : simBaseUrl)), null, null);
    }

    /** One target per model, a chat every 5 s with a 5 s timeout, at the base URL given for the model. */
    private static List<TargetConfig> chats(List<String> models, Function<String, URI> baseUrl) {
        Duration every = Duration.ofSeconds(5);
        return models.stream()
                .map(model -> simulated(model, baseUrl.apply(model), model, CheckType.CHAT, every, every)).toList();
    }

    /** An alert consumer sending every alert in the generic format to {@code webhook}; null rules are the defaults. */
    static AlertsConfig alerts(int httpPort, URI webhook, List<RuleConfig> rules) {
        return new AlertsConfig(httpPort, null, rules, List.of(
                new WebhookConfig("bench", webhook, WebhookFormat.GENERIC, null, null, null, null, null, null)));
    }

    private static TargetConfig simulated(String id, URI simBaseUrl, String model, CheckType check, Duration interval,
            Duration timeout) {
        return new TargetConfig(id, Provider.OPENAI_COMPATIBLE, simBaseUrl, null, model, check, interval, timeout, 5,
                null, null);
    }

    private static AggregationConfig aggregation(int httpPort) {
        return new AggregationConfig(WINDOWS, GRACE, httpPort);
    }
}
