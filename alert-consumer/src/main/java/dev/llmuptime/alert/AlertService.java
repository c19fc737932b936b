package dev.llmuptime.alert;

import dev.llmuptime.config.ConfigException;
import dev.llmuptime.config.MonitorConfig;
import dev.llmuptime.config.TopicsConfig;
import dev.llmuptime.config.WebhookConfig;
import dev.llmuptime.ops.Health;
import dev.llmuptime.ops.HttpAccess;
import dev.llmuptime.ops.OpsServer;
import dev.llmuptime.ops.ServiceLifecycle;
import dev.llmuptime.ops.TopicReadiness;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running alert consumer: the evaluator (stats to alerts, exactly once), the shared view of
 * acknowledgements, silences and firing alerts, and one delivery loop per webhook, each on its own
 * thread, plus {@code /metrics}, {@code /health} and the alerts API ({@link AlertApi}).
 */
public final class AlertService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AlertService.class);

    private final MonitorConfig config;
    private final List<Rule> rules;
    private final String host;
    private final Clock clock;
    private final MeterRegistry registry;
    private final SharedView view;
    private final AlertEvaluator evaluator;
    private final ServiceLifecycle lifecycle = new ServiceLifecycle("alert-consumer");
    private final List<WebhookDelivery> deliveries = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private OpsServer ops;
    private TopicReadiness topics;

    /** Throws {@link ConfigException} for a rule that does not parse. */
    public AlertService(MonitorConfig config, String host, Clock clock, MeterRegistry registry) {
        this.config = config;
        this.rules = Rules.compile(config);
        this.host = host;
        this.clock = clock;
        this.registry = registry;
        this.view = new SharedView(config);
        this.evaluator = new AlertEvaluator(config, rules, clock, registry, view);
    }

    /** Serves /metrics and /health, and starts evaluating and delivering once the topics exist. */
    public void start() {
        lifecycle.start(this::open);
    }

    private void open() {
        ControlWriter writer = new ControlWriter(config);
        lifecycle.onClose("acknowledgement and silence producer", writer::close);
        AlertApi api = new AlertApi(config, view, writer, new AlertHistory(config), clock);
        // alerts.api-token may write, so it may read too.
        ops = lifecycle.closeOnStop(OpsServer.start(host, config.alerts().httpPort(), registry, this::health,
                HttpAccess.of(config.http()).accepting(config.alerts().apiToken()), api::addTo));
        Map<String, Object> producer = new HashMap<>(config.kafka().clientProperties());
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        KafkaProducer<String, byte[]> deadLetters = new KafkaProducer<>(producer, new StringSerializer(),
                new ByteArraySerializer());
        lifecycle.onClose("dead letter producer", () -> deadLetters.close(Duration.ofSeconds(10)));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Map<String, Rule> byName = Rules.byName(rules);
        String dashboardUrl = config.alerts().dashboardUrl() != null ? config.alerts().dashboardUrl().toString()
                : "http://localhost:" + config.aggregation().httpPort() + "/";
        RetryPolicy retryPolicy = new RetryPolicy(RandomGenerator.getDefault());
        for (WebhookConfig webhook : config.alerts().webhooks()) {
            deliveries.add(new WebhookDelivery(config, new WebhookSender(http, webhook, dashboardUrl, clock),
                    byName::get, deadLetters, retryPolicy, clock, registry));
        }
        lifecycle.onClose("alert threads", this::stopThreads);
        TopicsConfig topicNames = config.kafka().topics();
        topics = lifecycle.closeOnStop(TopicReadiness.start(config.kafka(), List.of(topicNames.stats(),
                        TopicsConfig.deadLetterTopic(topicNames.stats()), topicNames.alerts(),
                        TopicsConfig.deadLetterTopic(topicNames.alerts())), List.of(AlertEvaluator.stateTopic(config),
                        SharedView.acksTopic(config), SharedView.silencesTopic(config)),
                Duration.ofSeconds(5), registry, () -> lifecycle.ifRunning(this::startThreads)));
        log.info("{} rules: {}; webhooks: {}", rules.size(), rules.stream().map(Rule::name).toList(),
                config.alerts().webhooks().stream().map(w -> w.name() + " (" + w.format().configName() + ")").toList());
    }

    public int opsPort() {
        return ops.port();
    }

    public Health health() {
        return lifecycle.health(() -> {
            if (!topics.ready()) {
                return Health.down(topics.whyNotReady());
            }
            if (!view.caughtUp()) {
                return Health.down("reading acknowledgements and silences");
            }
            if (!evaluator.healthy()) {
                return Health.down("alert evaluation is restarting");
            }
            return Health.up(deliveries.size() + " webhooks; stats partitions " + evaluator.ownedPartitions());
        });
    }

    public void awaitClosed() throws InterruptedException {
        lifecycle.awaitClosed();
    }

    @Override
    public void close() {
        lifecycle.close();
    }

    private void startThreads() {
        threads.add(startThread("alert-shared-view", view));
        threads.add(startThread("alert-evaluator", evaluator));
        for (WebhookDelivery delivery : deliveries) {
            threads.add(startThread("webhook-" + delivery.name(), delivery));
        }
    }

    private void stopThreads() {
        evaluator.stop();
        view.stop();
        deliveries.forEach(WebhookDelivery::stop);
        for (Thread thread : threads) {
            try {
                thread.join(Duration.ofSeconds(30).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Thread startThread(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.start();
        return thread;
    }
}
