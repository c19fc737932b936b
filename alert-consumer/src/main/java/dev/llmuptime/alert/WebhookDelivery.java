package dev.llmuptime.alert;

import dev.llmuptime.alert.DeliveryOutcome.Final;
import dev.llmuptime.alert.DeliveryOutcome.Skipped;
import dev.llmuptime.alert.DeliveryOutcome.Undeliverable;
import dev.llmuptime.config.MonitorConfig;
import dev.llmuptime.ops.DeadLetterReason;
import dev.llmuptime.ops.GroupSession;
import dev.llmuptime.schema.AlertEvent;
import dev.llmuptime.schema.AlertEventSerde;
import dev.llmuptime.schema.RecordDecodingException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Delivers the alerts topic to one webhook. Each webhook has its own consumer group, so a dead
 * receiver holds back only its own notifications. Events are taken in order per partition, so a
 * RESOLVED never overtakes its FIRING. Each record goes through the stages decode, route,
 * {@link Retrier} and {@link Settlement}; its offset is committed only after a final outcome:
 * delivered, skipped, or sent to the DLQ. A crash before that means redelivery with the same
 * Idempotency-Key, never loss. A {@link Resender} sends firing alerts again to receivers that need it.
 */
final class WebhookDelivery implements Runnable {

    private final MonitorConfig config;
    private final String webhook;
    private final NoticeRoute route;
    private final Retrier retrier;
    private final Settlement settlement;
    private final Resender resender;
    private final MeterRegistry registry;
    private final AlertEventSerde serde = new AlertEventSerde();
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile boolean running = true;

    WebhookDelivery(MonitorConfig config, WebhookSender sender, Function<String, Rule> rules,
            Producer<String, byte[]> deadLetters, RetryPolicy retryPolicy, Clock clock, MeterRegistry registry) {
        this.config = config;
        this.webhook = sender.webhook().name();
        this.route = new NoticeRoute(webhook, rules);
        this.registry = registry;
        DeliveryMetrics metrics = new DeliveryMetrics(registry, webhook);
        WebhookCircuit circuit = new WebhookCircuit(sender.webhook(), clock, registry);
        this.retrier = new Retrier(sender.webhook(), new WebhookCall(sender, circuit, retryPolicy), circuit, metrics,
                clock, this::waitPolling, () -> running);
        this.settlement = new Settlement(webhook, deadLetters, metrics);
        this.resender = Resender.of(sender, clock);
    }

    String name() {
        return webhook;
    }

    @Override
    public void run() {
        try (KafkaConsumer<String, byte[]> alerts = new KafkaConsumer<>(consumerProperties(), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer = alerts;
            new KafkaClientMetrics(alerts).bindTo(registry);
            alerts.subscribe(List.of(config.kafka().topics().alerts()), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    resender.assigned(alerts, partitions);
                }

                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    resender.revoked(partitions);
                }
            });
            while (running) {
                for (ConsumerRecord<String, byte[]> record : alerts.poll(Duration.ofMillis(250))) {
                    if (resender.replays(record)) {
                        replay(record);
                        continue;
                    }
                    if (!(outcomeOf(record) instanceof Final outcome)) {
                        return;
                    }
                    settlement.settle(record, outcome);
                    alerts.commitSync(Map.of(partitionOf(record), new OffsetAndMetadata(record.offset() + 1)));
                }
                resender.resendDue();
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

    /** Decodes and routes the record, then has the retrier deliver it. */
    private DeliveryOutcome outcomeOf(ConsumerRecord<String, byte[]> record) throws InterruptedException {
        AlertEvent event;
        try {
            event = serde.deserializer().deserialize(record.topic(), record.value());
        } catch (RecordDecodingException e) {
            return new Undeliverable(DeadLetterReason.UNDECODABLE, e.getMessage(), 0);
        }
        if (event == null) {
            return new Skipped();
        }
        Optional<Notification> notification = route.notificationOf(event, record.headers());
        if (notification.isEmpty()) {
            return new Skipped();
        }
        DeliveryOutcome outcome = retrier.deliver(notification.get());
        if (outcome instanceof Final) {
            resender.settled(partitionOf(record), event);
        }
        return outcome;
    }

    /** A record settled before its partition came here: it only tells the resender what is firing. */
    private void replay(ConsumerRecord<String, byte[]> record) {
        try {
            AlertEvent event = serde.deserializer().deserialize(record.topic(), record.value());
            if (event != null && route.notificationOf(event, record.headers()).isPresent()) {
                resender.replayed(partitionOf(record), event);
            }
        } catch (RecordDecodingException e) {
            // It went to the dead letter topic when it was first read.
        }
    }

    private static TopicPartition partitionOf(ConsumerRecord<String, byte[]> record) {
        return new TopicPartition(record.topic(), record.partition());
    }

    /** Waits while still polling (partitions paused), so the group does not think this consumer died. */
    private void waitPolling(Duration wait) {
        KafkaConsumer<String, byte[]> alerts = consumer;
        long until = System.nanoTime() + wait.toNanos();
        while (running && System.nanoTime() < until) {
            alerts.pause(alerts.assignment());
            ConsumerRecords<String, byte[]> arrived = alerts.poll(Duration.ofMillis(Math.max(1,
                    Math.min(500, (until - System.nanoTime()) / 1_000_000))));
            // A partition assigned during the wait was not paused: its records are read again after it.
            for (TopicPartition partition : arrived.partitions()) {
                alerts.seek(partition, arrived.records(partition).get(0).offset());
            }
        }
        alerts.resume(alerts.assignment());
    }

    private Map<String, Object> consumerProperties() {
        Map<String, Object> properties = new HashMap<>(config.kafka().clientProperties());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, config.kafka().topics().alerts() + ".delivery." + webhook);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // Events older than max-retry-age are expired into the DLQ, so starting from the
        // beginning loses nothing and floods nobody.
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 50);
        return GroupSession.withTimeout(properties);
    }
}
