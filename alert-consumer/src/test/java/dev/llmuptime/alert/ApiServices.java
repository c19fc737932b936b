package dev.llmuptime.alert;

import static org.awaitility.Awaitility.await;

import dev.llmuptime.config.MonitorConfig;
import dev.llmuptime.ops.Metrics;
import dev.llmuptime.schema.AlertEvent;
import dev.llmuptime.schema.AlertEventSerde;
import dev.llmuptime.schema.WindowStats;
import dev.llmuptime.schema.WindowStatsSerde;
import dev.llmuptime.testkit.KafkaCluster;
import dev.llmuptime.testkit.TopicReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Alert consumers with the alerts API against a real broker: started, fed stats, their alerts topic read, closed. */
final class ApiServices implements AutoCloseable {

    static final String TOKEN = "tok-it-0123456789";

    private final KafkaCluster kafka;
    private final List<AlertService> services = new ArrayList<>();

    ApiServices(KafkaCluster kafka) {
        this.kafka = kafka;
    }

    /** Topics of their own, the webhook {@code ops} at {@code webhookUrl}, and {@code alerts} (YAML lines under alerts). */
    MonitorConfig config(String webhookUrl, String alerts) {
        return OwnTopicsConfig.of(kafka, """
                  webhooks:
                    - {name: ops, url: "%s"}
                  rules:
                    - {name: down, condition: "consecutive-failures >= 2", severity: critical}
                %s""".formatted(webhookUrl, alerts));
    }

    /** Starts an alert consumer and waits until it is healthy. */
    AlertService start(MonitorConfig config, Clock clock) {
        AlertService service = new AlertService(config, "127.0.0.1", clock, Metrics.newRegistry("alert-consumer"));
        services.add(service);
        service.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> service.health().up());
        return service;
    }

    void sendStats(MonitorConfig config, WindowStats... stats) throws Exception {
        try (KafkaProducer<String, WindowStats> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                kafka.bootstrapServers()), new StringSerializer(), new WindowStatsSerde().serializer())) {
            for (WindowStats window : stats) {
                Instant now = Instant.now();
                window.setEmittedAt(now);
                producer.send(new ProducerRecord<>(config.kafka().topics().stats(), null, now.toEpochMilli(),
                        window.getTargetId(), window)).get();
            }
        }
    }

    /** Every committed record of the alerts topic so far. */
    List<ConsumerRecord<String, byte[]>> alertRecords(MonitorConfig config) {
        return TopicReader.readUntil(kafka.bootstrapServers(), config.kafka().topics().alerts(), new StringDeserializer(),
                new ByteArrayDeserializer(), Integer.MAX_VALUE, Duration.ofSeconds(2));
    }

    static AlertEvent event(ConsumerRecord<String, byte[]> record) {
        return new AlertEventSerde().deserializer().deserialize(record.topic(), record.value());
    }

    @Override
    public void close() {
        services.forEach(AlertService::close);
    }
}
