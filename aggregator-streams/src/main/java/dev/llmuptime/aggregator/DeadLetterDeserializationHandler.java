package dev.llmuptime.aggregator;

import dev.llmuptime.ops.DeadLetter;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a probe result that cannot be decoded to its topic's dead letter topic, with the headers
 * every dead letter carries, and goes on. Kafka Streams writes the dead letter with the task's own
 * producer, so it is committed in the same transaction as the skipped offset: exactly once.
 */
public final class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterDeserializationHandler.class);

    @Override
    public void configure(Map<String, ?> configs) {
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
            Exception exception) {
        DeadLetter<byte[]> deadLetter = DeadLetter.undecodable(record, exception);
        log.warn("Record at {}-{} offset {} went to {}: {}", record.topic(), record.partition(), record.offset(),
                deadLetter.topic(), deadLetter.error());
        return Response.resume(List.of(deadLetter.toRecord()));
    }
}
