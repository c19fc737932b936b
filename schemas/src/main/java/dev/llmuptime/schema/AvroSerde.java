package dev.llmuptime.schema;

import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serde for one Avro record type in single-object encoding. A null value (a tombstone)
 * stays null both ways. Decoding failures are {@link RecordDecodingException}s that name the
 * topic.
 */
public class AvroSerde<T extends SpecificRecord> implements Serde<T> {

    private final SingleObjectCodec<T> codec;

    protected AvroSerde(Schema schema) {
        this.codec = new SingleObjectCodec<>(schema);
    }

    /** A serde that also reads what was written with each of the {@code released} schemas. */
    protected AvroSerde(Schema schema, List<Schema> released) {
        this.codec = new SingleObjectCodec<>(schema, released);
    }

    public SingleObjectCodec<T> codec() {
        return codec;
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, record) -> record == null ? null : codec.encode(record);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return codec.decode(bytes);
            } catch (RecordDecodingException e) {
                throw new RecordDecodingException(e.reason(),
                        "Cannot decode record of topic " + topic + ": " + e.getMessage(), e.getCause());
            }
        };
    }
}
