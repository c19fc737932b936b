package dev.llmuptime.aggregator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmuptime.aggregator.StateSerdes.StreakSerde;
import dev.llmuptime.aggregator.StateSerdes.WindowAccumulatorSerde;
import dev.llmuptime.schema.AvroSerde;
import dev.llmuptime.schema.ReleasedSchemas;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** State in the stores and changelogs an earlier release wrote is still read after an upgrade. */
class StateSchemaEvolutionTest {

    static Stream<Arguments> stateSerdes() {
        return Stream.of(Arguments.of(new StreakSerde()), Arguments.of(new WindowAccumulatorSerde()));
    }

    @ParameterizedTest
    @MethodSource("stateSerdes")
    void currentStateSchemaReadsEveryReleasedOne(AvroSerde<?> serde) {
        Schema current = serde.codec().schema();
        List<Schema> released = ReleasedSchemas.of(StateSerdes.class, current.getName());

        assertThat(released).isNotEmpty();
        for (Schema earlier : released) {
            assertThat(SchemaCompatibility.checkReaderWriterCompatibility(current, earlier).getType())
                    .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
        }
    }

    @ParameterizedTest
    @MethodSource("stateSerdes")
    void stateWrittenBeforeRecentFailuresDecodesWithNone(AvroSerde<? extends SpecificRecord> serde)
            throws IOException {
        Schema current = serde.codec().schema();
        Schema first = ReleasedSchemas.of(StateSerdes.class, current.getName()).get(0);
        GenericRecord old = withPlainValues(first);
        ByteBuffer encoded = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), first).encode(old);
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);

        SpecificRecord decoded = serde.deserializer().deserialize("changelog", bytes);

        assertThat((List<?>) decoded.get(current.getField("recentFailures").pos())).isEmpty();
        assertThat(decoded.get(current.getField("consecutiveFailures").pos())).isEqualTo(3);
        assertThat(decoded.get(current.getField("lastOutcome").pos())).isEqualTo("TIMEOUT");
    }

    /** A record of {@code schema} with a plain value in every field. */
    private static GenericRecord withPlainValues(Schema schema) {
        GenericRecord record = new GenericData.Record(schema);
        for (Schema.Field field : schema.getFields()) {
            record.put(field.name(), switch (field.schema().getType()) {
                case STRING -> field.name().equals("lastOutcome") ? "TIMEOUT" : "x";
                case INT -> 3;
                case LONG -> 60_000L;
                case DOUBLE -> 1.5;
                case BYTES -> ByteBuffer.wrap(new byte[0]);
                case MAP -> new HashMap<>(Map.of("TIMEOUT", 3L));
                default -> throw new IllegalArgumentException("no plain value for " + field);
            });
        }
        return record;
    }
}
