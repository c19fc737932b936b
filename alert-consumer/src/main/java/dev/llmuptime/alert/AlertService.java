package dev.llmuptime.alert;

import dev.llmuptime.config.MonitorConfig;
import dev.llmuptime.config.TopicsConfig;
import dev.llmuptime.config.WebhookConfig;
import dev.llmuptime.ops.Health;
import dev.llmuptime.ops.OpsServer;
import dev.llmuptime.ops.TopicSetup;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.random.RandomGenerator;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;

/**
 * The running alert consumer: the evaluator (stats to alerts, exactly once) and one delivery
 * loop per webhook, each on its own thread, plus {@code /metrics} and {@code /health}.
 */
public final class AlertService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AlertService.class);

    private final MonitorConfig config;
    private final AlertEvaluator evaluator;
    private final List<WebhookDelivery> deliveries = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final KafkaProducer<String, byte[]> deadLetters;
    private final OpsServer ops;
    private final Disposable topicSetup;
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile boolean started;

    private AlertService(MonitorConfig config, List<Rule> rules, String host, Clock clock,
            PrometheusMeterRegistry registry) {
        this.config = config;
        this.evaluator = new AlertEvaluator(config, rules, clock, registry);
        Map<String, Object> producer = new HashMap<>(config.kafka().clientProperties());
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        this.deadLetters = new KafkaProducer<>(producer, new StringSerializer(), new ByteArraySerializer());
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Map<String, Rule> byName = new HashMap<>();
        rules.forEach(rule -> byName.put(rule.name(), rule));
        String dashboardUrl = config.alerts().dashboardUrl() != null ? config.alerts().dashboardUrl().toString()
                : "http://localhost:" + config.aggregation().httpPort() + "/";
        RetryPolicy retryPolicy = new RetryPolicy(RandomGenerator.getDefault());
        for (WebhookConfig webhook : config.alerts().webhooks()) {
            deliveries.add(new WebhookDelivery(config, new WebhookSender(http, webhook, dashboardUrl, clock),
                    byName::get, deadLetters, retryPolicy, clock, registry));
        }
        this.ops = OpsServer.start(host, config.alerts().httpPort(), registry, this::health);
        TopicsConfig topics = config.kafka().topics();
        this.topicSetup = TopicSetup.ensure(config.kafka(), List.of(topics.stats(), TopicsConfig.deadLetterTopic(
                        topics.stats()), topics.alerts(), TopicsConfig.deadLetterTopic(topics.alerts())),
                        List.of(AlertEvaluator.stateTopic(config)), Duration.ofSeconds(5))
                .subscribe(done -> { }, failure -> { }, this::startThreads);
        log.info("{} rules: {}; webhooks: {}", rules.size(), rules.stream().map(Rule::name).toList(),
                config.alerts().webhooks().stream().map(w -> w.name() + " (" + w.format().configName() + ")").toList());
    }

    /** Throws {@link dev.llmuptime.config.ConfigException} for a rule that does not parse. */
    public static AlertService start(MonitorConfig config, String host, Clock clock, PrometheusMeterRegistry registry) {
        List<Rule> rules = Rules.compile(config);
        return new AlertService(config, rules, host, clock, registry);
    }

    public int opsPort() {
        return ops.port();
    }

    public Health health() {
        if (!started) {
            return Health.down("Kafka at " + config.kafka().bootstrapServers() + " not reachable yet");
        }
        if (!evaluator.healthy()) {
            return Health.down("alert evaluation is restarting");
        }
        return Health.up(deliveries.size() + " webhooks");
    }

    public void awaitClosed() throws InterruptedException {
        closed.await();
    }

    @Override
    public synchronized void close() {
        if (closed.getCount() == 0) {
            return;
        }
        topicSetup.dispose();
        evaluator.stop();
        deliveries.forEach(WebhookDelivery::stop);
        for (Thread thread : threads) {
            try {
                thread.join(Duration.ofSeconds(30).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        deadLetters.close(Duration.ofSeconds(10));
        ops.close();
        log.info("Stopped");
        closed.countDown();
    }

    private synchronized void startThreads() {
        if (closed.getCount() == 0) {
            return;
        }
        threads.add(start("alert-evaluator", evaluator));
        for (WebhookDelivery delivery : deliveries) {
            threads.add(start("webhook-" + delivery.name(), delivery));
        }
        started = true;
    }

    private static Thread start(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.start();
        return thread;
    }
}
