package dev.llmuptime.alert;

import dev.llmuptime.config.Durations;
import dev.llmuptime.config.MonitorConfig;
import dev.llmuptime.config.TopicsConfig;
import dev.llmuptime.schema.AlertEvent;
import dev.llmuptime.schema.AlertEventSerde;
import dev.llmuptime.schema.RecordDecodingException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the alerts topic to one webhook. Each webhook has its own consumer group, so a dead
 * receiver holds back only its own notifications. Events are taken in order per partition, so a
 * RESOLVED never overtakes its FIRING. An event's offset is committed only after its final
 * outcome: delivered, or sent to the DLQ. A crash before that means redelivery with the same
 * Idempotency-Key, never loss.
 */
final class WebhookDelivery implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(WebhookDelivery.class);

    private final MonitorConfig config;
    private final WebhookSender sender;
    private final Function<String, Rule> rules;
    private final Producer<String, byte[]> deadLetters;
    private final RetryPolicy retryPolicy;
    private final Clock clock;
    private final MeterRegistry registry;
    private final CircuitBreaker breaker;
    private final AlertEventSerde serde = new AlertEventSerde();
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile boolean running = true;

    WebhookDelivery(MonitorConfig config, WebhookSender sender, Function<String, Rule> rules,
            Producer<String, byte[]> deadLetters, RetryPolicy retryPolicy, Clock clock, MeterRegistry registry) {
        this.config = config;
        this.sender = sender;
        this.rules = rules;
        this.deadLetters = deadLetters;
        this.retryPolicy = retryPolicy;
        this.clock = clock;
        this.registry = registry;
        this.breaker = CircuitBreaker.of("webhook-" + name(), CircuitBreakerConfig.custom()
                .slidingWindowSize(10).minimumNumberOfCalls(5).failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(30)).permittedNumberOfCallsInHalfOpenState(1)
                .build());
        Gauge.builder("llm.alert.webhook.circuit", breaker, b -> switch (b.getState()) {
            case CLOSED -> 0;
            case OPEN -> 1;
            case HALF_OPEN -> 2;
            default -> 3;
        }).description("Circuit breaker per webhook: 0 closed, 1 open, 2 half-open").tag("webhook", name())
                .register(registry);
    }

    String name() {
        return sender.webhook().name();
    }

    @Override
    public void run() {
        String topic = config.kafka().topics().alerts();
        try (KafkaConsumer<String, byte[]> alerts = new KafkaConsumer<>(consumerProperties(), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer = alerts;
            KafkaClientMetrics clientMetrics = new KafkaClientMetrics(alerts);
            clientMetrics.bindTo(registry);
            alerts.subscribe(List.of(topic));
            while (running) {
                for (ConsumerRecord<String, byte[]> record : alerts.poll(Duration.ofMillis(250))) {
                    handle(alerts, record);
                    if (!running) {
                        return;
                    }
                    alerts.commitSync(Map.of(new TopicPartition(record.topic(), record.partition()),
                            new OffsetAndMetadata(record.offset() + 1)));
                }
            }
        } catch (WakeupException | InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            consumer = null;
        }
    }

    void stop() {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    private void handle(KafkaConsumer<String, byte[]> alerts, ConsumerRecord<String, byte[]> record)
            throws InterruptedException {
        AlertEvent event;
        try {
            event = serde.deserializer().deserialize(record.topic(), record.value());
        } catch (RecordDecodingException e) {
            deadLetter(record, "undecodable: " + e.getMessage(), 0);
            return;
        }
        if (event == null) {
            return;
        }
        Rule rule = rules.apply(event.getRule());
        if (rule != null && !rule.notifies(name())) {
            return;
        }
        Instant deadline = event.getEmittedAt().plus(sender.webhook().maxRetryAge());
        int attempts = 0;
        Attempt last = null;
        while (running) {
            if (clock.instant().isAfter(deadline)) {
                deadLetter(record, "expired: not delivered within max-retry-age "
                        + Durations.format(sender.webhook().maxRetryAge()) + " after " + attempts + " attempts"
                        + (last == null ? "" : "; last: " + last.reason()), attempts);
                return;
            }
            if (!breaker.tryAcquirePermission()) {
                waitPolling(alerts, Duration.ofSeconds(1));
                continue;
            }
            long started = System.nanoTime();
            last = sender.send(event);
            attempts++;
            long took = System.nanoTime() - started;
            switch (last.result()) {
                case DELIVERED -> {
                    breaker.onSuccess(took, TimeUnit.NANOSECONDS);
                    count("delivered");
                    log.info("Delivered {} {} to {} after {} attempt(s)", event.getStatus(), event.getAlertId(), name(),
                            attempts);
                    return;
                }
                case PERMANENT -> {
                    breaker.onSuccess(took, TimeUnit.NANOSECONDS);
                    deadLetter(record, "rejected: " + last.reason(), attempts);
                    return;
                }
                case RETRY -> {
                    breaker.onError(took, TimeUnit.NANOSECONDS, new IllegalStateException(last.reason()));
                    Duration wait = retryPolicy.delay(attempts, last);
                    Counter.builder("llm.alert.delivery.retries").description("Delivery attempts that will be retried")
                            .tag("webhook", name()).register(registry).increment();
                    log.warn("Webhook {} failed for {} ({}); attempt {} again in {} ms", name(), event.getAlertId(),
                            last.reason(), attempts + 1, wait.toMillis());
                    waitPolling(alerts, wait);
                }
            }
        }
    }

    /** Waits while still polling (partitions paused), so the group does not think this consumer died. */
    private void waitPolling(KafkaConsumer<String, byte[]> alerts, Duration wait) {
        var assigned = alerts.assignment();
        alerts.pause(assigned);
        long until = System.nanoTime() + wait.toNanos();
        while (running && System.nanoTime() < until) {
            alerts.poll(Duration.ofMillis(Math.max(1, Math.min(500, (until - System.nanoTime()) / 1_000_000))));
        }
        alerts.resume(alerts.assignment());
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, String reason, int attempts)
            throws InterruptedException {
        RecordHeaders headers = new RecordHeaders();
        headers.add("llm.webhook", name().getBytes(StandardCharsets.UTF_8));
        headers.add("llm.reason", reason.getBytes(StandardCharsets.UTF_8));
        headers.add("llm.attempts", String.valueOf(attempts).getBytes(StandardCharsets.UTF_8));
        headers.add("llm.source.topic", record.topic().getBytes(StandardCharsets.UTF_8));
        headers.add("llm.source.partition", String.valueOf(record.partition()).getBytes(StandardCharsets.UTF_8));
        headers.add("llm.source.offset", String.valueOf(record.offset()).getBytes(StandardCharsets.UTF_8));
        try {
            deadLetters.send(new ProducerRecord<>(TopicsConfig.deadLetterTopic(record.topic()), null, record.key(),
                    record.value(), headers)).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot write to the alerts dead letter topic", e.getCause());
        }
        count("dead-lettered");
        log.error("Alert at offset {} for webhook {} went to the dead letter topic: {}", record.offset(), name(), reason);
    }

    private void count(String result) {
        Counter.builder("llm.alert.deliveries").description("Alert deliveries by final outcome")
                .tag("webhook", name()).tag("result", result).register(registry).increment();
    }

    private Map<String, Object> consumerProperties() {
        Map<String, Object> properties = new HashMap<>(config.kafka().clientProperties());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, config.kafka().topics().alerts() + ".delivery." + name());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // Events older than max-retry-age are expired into the DLQ, so starting from the
        // beginning loses nothing and floods nobody.
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 50);
        return properties;
    }
}
