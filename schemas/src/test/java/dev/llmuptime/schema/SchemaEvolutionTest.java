package dev.llmuptime.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Schemas evolve backward compatibly: the current schema reads everything any release wrote.
 * When a release ships, its schema is added under src/main/resources/.../released/.
 */
class SchemaEvolutionTest {

    static Stream<Arguments> currentSchemasAndSamples() {
        return Stream.of(
                Arguments.of(new ProbeResultSerde(), SampleRecords.probeResult()),
                Arguments.of(new WindowStatsSerde(), SampleRecords.windowStats()),
                Arguments.of(new AlertEventSerde(), SampleRecords.alertEvent()));
    }

    @ParameterizedTest
    @MethodSource("currentSchemasAndSamples")
    void everyRecordHasAtLeastOneReleasedSchema(AvroSerde<?> serde, SpecificRecord sample) {
        assertThat(ReleasedSchemas.of(serde.codec().schema().getName())).isNotEmpty();
    }

    @ParameterizedTest
    @MethodSource("currentSchemasAndSamples")
    void currentSchemaCanReadEveryReleasedSchema(AvroSerde<?> serde, SpecificRecord sample) {
        Schema current = serde.codec().schema();
        for (Schema released : ReleasedSchemas.of(current.getName())) {
            assertThat(compatibility(current, released))
                    .as("current %s must read what a release wrote with %s", current.getName(), released)
                    .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
        }
    }

    @ParameterizedTest
    @MethodSource("currentSchemasAndSamples")
    <T extends SpecificRecord> void recordsWrittenWithReleasedSchemasDecode(AvroSerde<T> serde, T sample)
            throws IOException {
        Schema current = serde.codec().schema();
        for (Schema released : ReleasedSchemas.of(current.getName())) {
            GenericRecord old = asWrittenBy(released, sample);
            ByteBuffer bytes = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), released).encode(old);

            T decoded = serde.deserializer().deserialize("t", toArray(bytes));

            for (Schema.Field field : released.getFields()) {
                assertThat(decoded.get(current.getField(field.name()).pos()))
                        .as(field.name())
                        .isEqualTo(sample.get(current.getField(field.name()).pos()));
            }
        }
    }

    static Stream<Arguments> evidenceAddedAfterTheFirstRelease() {
        return Stream.of(
                Arguments.of(new WindowStatsSerde(), SampleRecords.windowStats(), "recentFailures"),
                Arguments.of(new AlertEventSerde(), SampleRecords.alertEvent(), "evidence"));
    }

    @ParameterizedTest
    @MethodSource("evidenceAddedAfterTheFirstRelease")
    <T extends SpecificRecord> void recordsWrittenBeforeEvidenceDecodeWithNone(AvroSerde<T> serde, T sample,
            String field) throws IOException {
        Schema current = serde.codec().schema();
        Schema firstRelease = ReleasedSchemas.of(current.getName()).get(0);
        byte[] bytes = toArray(new BinaryMessageEncoder<GenericRecord>(GenericData.get(), firstRelease)
                .encode(asWrittenBy(firstRelease, sample)));

        T decoded = serde.deserializer().deserialize("t", bytes);

        int position = current.getField(field).pos();
        assertThat(firstRelease.getField(field)).isNull();
        assertThat((List<?>) sample.get(position)).isNotEmpty();
        assertThat(decoded.get(position)).as("none").isNull();
    }

    @Test
    void addingARequiredFieldWithoutDefaultIsCaught() {
        Schema current = ProbeResult.getClassSchema();
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field field : current.getFields()) {
            fields.add(new Schema.Field(field, field.schema()));
        }
        fields.add(new Schema.Field("costUsd", Schema.create(Schema.Type.DOUBLE)));
        Schema next = Schema.createRecord(current.getName(), current.getDoc(), current.getNamespace(), false, fields);

        assertThat(compatibility(next, current)).isEqualTo(SchemaCompatibilityType.INCOMPATIBLE);
    }

    @Test
    void removingAnEnumSymbolIsCaught() {
        Schema current = Outcome.getClassSchema();
        Schema next = Schema.createEnum(current.getName(), current.getDoc(), current.getNamespace(),
                current.getEnumSymbols().subList(0, current.getEnumSymbols().size() - 1));

        assertThat(compatibility(next, current)).isEqualTo(SchemaCompatibilityType.INCOMPATIBLE);
    }

    private static SchemaCompatibilityType compatibility(Schema reader, Schema writer) {
        return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getType();
    }

    /** The sample as a writer using {@code released} would have written it. */
    private static GenericRecord asWrittenBy(Schema released, SpecificRecord sample) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<SpecificRecord>(sample.getSchema()).write(sample, encoder);
        encoder.flush();
        return new GenericDatumReader<GenericRecord>(sample.getSchema(), released)
                .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
    }

    private static byte[] toArray(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
