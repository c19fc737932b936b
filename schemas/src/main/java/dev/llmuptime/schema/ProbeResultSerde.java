package dev.llmuptime.schema;

/** Kafka serde for {@link ProbeResult} in Avro single-object encoding. */
public final class ProbeResultSerde extends AvroSerde<ProbeResult> {

    public ProbeResultSerde() {
        super(ProbeResult.getClassSchema());
    }
}
