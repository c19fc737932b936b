package dev.llmuptime.alert;

import dev.llmuptime.alert.DeliveryOutcome.Delivered;
import dev.llmuptime.alert.DeliveryOutcome.Final;
import dev.llmuptime.alert.DeliveryOutcome.Undeliverable;
import dev.llmuptime.ops.DeadLetter;
import dev.llmuptime.ops.DeadLetterHeader;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last stage of a delivery: counts a final outcome and writes what cannot be delivered to the
 * dead letter topic, waiting for the broker, so the record's offset can be committed after it.
 */
final class Settlement {

    private static final Logger log = LoggerFactory.getLogger(Settlement.class);

    private final String webhook;
    private final Producer<String, byte[]> deadLetters;
    private final DeliveryMetrics metrics;

    Settlement(String webhook, Producer<String, byte[]> deadLetters, DeliveryMetrics metrics) {
        this.webhook = webhook;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
    }

    void settle(ConsumerRecord<String, byte[]> record, Final outcome) throws InterruptedException {
        if (outcome instanceof Delivered delivered) {
            metrics.delivered();
            log.info("Delivered {} {} to {} after {} attempt(s)", delivered.event().getStatus(),
                    delivered.event().getAlertId(), webhook, delivered.attempts());
        } else if (outcome instanceof Undeliverable undeliverable) {
            deadLetter(record, undeliverable);
        }
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, Undeliverable undeliverable)
            throws InterruptedException {
        DeadLetter<String> deadLetter = DeadLetter.of(record, undeliverable.reason(), undeliverable.error())
                .with(DeadLetterHeader.WEBHOOK, webhook)
                .with(DeadLetterHeader.ATTEMPTS, String.valueOf(undeliverable.attempts()));
        try {
            deadLetters.send(deadLetter.toRecord()).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot write to " + deadLetter.topic(), e.getCause());
        }
        metrics.deadLettered();
        log.error("Alert at offset {} for webhook {} went to {}: {}: {}", record.offset(), webhook, deadLetter.topic(),
                undeliverable.reason().code(), undeliverable.error());
    }
}
