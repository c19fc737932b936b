package dev.llmuptime.ops;

import dev.llmuptime.config.TopicsConfig;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * A record that could not be processed, bound for its topic's dead letter topic. The dead letter
 * keeps the original key and value, unchanged, and carries the {@link DeadLetterHeader}s; every
 * service writes its dead letters through {@link #toRecord()}, so all of them read alike.
 */
public record DeadLetter<K>(ConsumerRecord<K, byte[]> source, DeadLetterReason reason, String error,
        Map<DeadLetterHeader, String> details) {

    public DeadLetter {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(reason, "reason");
        error = error == null || error.isBlank() ? "(no message)" : error;
        details = Map.copyOf(details);
    }

    public static <K> DeadLetter<K> of(ConsumerRecord<K, byte[]> source, DeadLetterReason reason, String error) {
        return new DeadLetter<>(source, reason, error, Map.of());
    }

    /** A record whose value cannot be decoded. */
    public static <K> DeadLetter<K> undecodable(ConsumerRecord<K, byte[]> source, Exception failure) {
        return of(source, DeadLetterReason.UNDECODABLE, failure.getMessage() != null ? failure.getMessage()
                : failure.getClass().getSimpleName());
    }

    /** A copy that also carries {@code header}, e.g. the webhook of an undeliverable alert. */
    public DeadLetter<K> with(DeadLetterHeader header, String value) {
        Map<DeadLetterHeader, String> more = new EnumMap<>(DeadLetterHeader.class);
        more.putAll(details);
        more.put(header, value);
        return new DeadLetter<>(source, reason, error, more);
    }

    /** {@code <source topic>.dlq}. */
    public String topic() {
        return TopicsConfig.deadLetterTopic(source.topic());
    }

    /** The record to produce: the original key and value to {@link #topic()}, with the headers. */
    public ProducerRecord<K, byte[]> toRecord() {
        // Details first, so that none of them can stand in for the origin or the reason.
        Map<DeadLetterHeader, String> headers = new EnumMap<>(DeadLetterHeader.class);
        headers.putAll(details);
        headers.put(DeadLetterHeader.SOURCE_TOPIC, source.topic());
        headers.put(DeadLetterHeader.SOURCE_PARTITION, String.valueOf(source.partition()));
        headers.put(DeadLetterHeader.SOURCE_OFFSET, String.valueOf(source.offset()));
        headers.put(DeadLetterHeader.REASON, reason.code());
        headers.put(DeadLetterHeader.ERROR, error);
        RecordHeaders recordHeaders = new RecordHeaders();
        headers.forEach((header, value) -> recordHeaders.add(header.key(), value.getBytes(StandardCharsets.UTF_8)));
        return new ProducerRecord<>(topic(), null, source.key(), source.value(), recordHeaders);
    }
}
