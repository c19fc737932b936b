package dev.llmuptime.alert;

import dev.llmuptime.config.MonitorConfig;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Writes the API's acknowledgements and silences to their topics; a write is done once every replica has it. */
final class ControlWriter implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;

    ControlWriter(MonitorConfig config) {
        Map<String, Object> properties = new HashMap<>(config.kafka().clientProperties());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // An API caller waits for the answer: fail within its patience rather than after the default two minutes.
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        this.producer = new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
    }

    /** Completes when the broker has {@code value} under {@code key} in {@code topic}. */
    CompletableFuture<Void> write(String topic, String key, byte[] value) {
        CompletableFuture<Void> written = new CompletableFuture<>();
        producer.send(new ProducerRecord<>(topic, key, value), (metadata, failure) -> {
            if (failure == null) {
                written.complete(null);
            } else {
                written.completeExceptionally(failure);
            }
        });
        return written;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
