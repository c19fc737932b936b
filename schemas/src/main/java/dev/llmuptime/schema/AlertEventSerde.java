package dev.llmuptime.schema;

/** Kafka serde for {@link AlertEvent} in Avro single-object encoding. */
public final class AlertEventSerde extends AvroSerde<AlertEvent> {

    public AlertEventSerde() {
        super(AlertEvent.getClassSchema());
    }
}
