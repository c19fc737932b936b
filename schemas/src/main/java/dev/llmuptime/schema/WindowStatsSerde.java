package dev.llmuptime.schema;

/** Kafka serde for {@link WindowStats} in Avro single-object encoding. */
public final class WindowStatsSerde extends AvroSerde<WindowStats> {

    public WindowStatsSerde() {
        super(WindowStats.getClassSchema());
    }
}
