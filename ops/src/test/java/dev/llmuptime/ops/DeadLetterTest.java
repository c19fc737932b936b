package dev.llmuptime.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/** The one header convention of every dead letter topic. */
class DeadLetterTest {

    private static final byte[] GARBAGE = "garbage".getBytes(StandardCharsets.UTF_8);

    @Test
    void anUndecodableRecordKeepsKeyAndValueAndNamesItsOriginAndError() {
        ConsumerRecord<String, byte[]> source = new ConsumerRecord<>("llm.probe.stats", 3, 42L, "a", GARBAGE);

        ProducerRecord<String, byte[]> dead = DeadLetter.undecodable(source,
                new IllegalArgumentException("not an Avro record")).toRecord();

        assertThat(dead.topic()).isEqualTo("llm.probe.stats.dlq");
        assertThat(dead.key()).isEqualTo("a");
        assertThat(dead.value()).isEqualTo(GARBAGE);
        assertThat(headers(dead)).containsExactly(
                Map.entry("llm.source.topic", "llm.probe.stats"),
                Map.entry("llm.source.partition", "3"),
                Map.entry("llm.source.offset", "42"),
                Map.entry("llm.reason", "undecodable"),
                Map.entry("llm.error", "not an Avro record"));
    }

    @Test
    void anUndeliverableAlertAlsoNamesTheWebhookAndTheAttempts() {
        ConsumerRecord<String, byte[]> source = new ConsumerRecord<>("llm.alerts", 0, 7L, "a", GARBAGE);

        ProducerRecord<String, byte[]> dead = DeadLetter.of(source, DeadLetterReason.REJECTED, "HTTP 400: {}")
                .with(DeadLetterHeader.WEBHOOK, "ops").with(DeadLetterHeader.ATTEMPTS, "1").toRecord();

        assertThat(dead.topic()).isEqualTo("llm.alerts.dlq");
        assertThat(headers(dead)).containsEntry("llm.reason", "rejected").containsEntry("llm.error", "HTTP 400: {}")
                .containsEntry("llm.webhook", "ops").containsEntry("llm.attempts", "1")
                .containsEntry("llm.source.offset", "7");
    }

    @Test
    void aDetailCannotReplaceTheOriginOrTheReason() {
        ConsumerRecord<byte[], byte[]> source = new ConsumerRecord<>("llm.probe.results", 1, 9L, null, GARBAGE);

        ProducerRecord<byte[], byte[]> dead = DeadLetter.of(source, DeadLetterReason.UNDECODABLE, null)
                .with(DeadLetterHeader.SOURCE_OFFSET, "0").with(DeadLetterHeader.REASON, "fine").toRecord();

        assertThat(headers(dead)).containsEntry("llm.source.offset", "9").containsEntry("llm.reason", "undecodable")
                .containsEntry("llm.error", "(no message)");
        assertThat(dead.headers().toArray()).hasSize(5);
    }

    @Test
    void anExceptionWithoutMessageIsNamedByItsType() {
        ConsumerRecord<String, byte[]> source = new ConsumerRecord<>("t", 0, 0L, "k", GARBAGE);

        assertThat(DeadLetter.undecodable(source, new IllegalStateException()).error())
                .isEqualTo("IllegalStateException");
    }

    private static Map<String, String> headers(ProducerRecord<?, byte[]> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }
}
