package dev.llmuptime.schema;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DecodingErrorsTest {

    private final ProbeResultSerde serde = new ProbeResultSerde();

    @Test
    void garbageIsNotSingleObjectEncoded() {
        byte[] json = "{\"targetId\":\"x\"}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> serde.deserializer().deserialize("llm.probe.results", json))
                .isInstanceOf(RecordDecodingException.class)
                .hasFieldOrPropertyWithValue("reason", RecordDecodingException.Reason.NOT_SINGLE_OBJECT_ENCODED)
                .hasMessage("Cannot decode record of topic llm.probe.results: not an Avro single-object encoded "
                        + "ProbeResult (expected header C3 01, found 7B 22)");
    }

    @Test
    void emptyValueIsNotSingleObjectEncoded() {
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[0]))
                .isInstanceOf(RecordDecodingException.class)
                .hasFieldOrPropertyWithValue("reason", RecordDecodingException.Reason.NOT_SINGLE_OBJECT_ENCODED)
                .hasMessageContaining("found an empty value");
    }

    @Test
    void truncatedRecordHasCorruptBody() {
        byte[] whole = serde.serializer().serialize("t", SampleRecords.probeResult());
        byte[] truncated = Arrays.copyOf(whole, whole.length / 2);

        assertThatThrownBy(() -> serde.deserializer().deserialize("t", truncated))
                .isInstanceOf(RecordDecodingException.class)
                .hasFieldOrPropertyWithValue("reason", RecordDecodingException.Reason.CORRUPT_BODY)
                .hasMessageStartingWith("Cannot decode record of topic t: corrupt ProbeResult body ("
                        + truncated.length + " bytes)");
    }

    @Test
    void truncatedHeaderIsReported() {
        byte[] header = Arrays.copyOf(serde.serializer().serialize("t", SampleRecords.probeResult()), 5);

        assertThatThrownBy(() -> serde.deserializer().deserialize("t", header))
                .isInstanceOf(RecordDecodingException.class)
                .hasMessageContaining("ProbeResult");
    }

    @Test
    void unknownFingerprintIsNamed() {
        byte[] bytes = serde.serializer().serialize("t", SampleRecords.probeResult());
        for (int i = 2; i < 10; i++) {
            bytes[i] = (byte) 0xAB;
        }

        assertThatThrownBy(() -> serde.deserializer().deserialize("t", bytes))
                .isInstanceOf(RecordDecodingException.class)
                .hasFieldOrPropertyWithValue("reason", RecordDecodingException.Reason.UNKNOWN_SCHEMA)
                .hasMessage("Cannot decode record of topic t: unknown schema fingerprint ABABABABABABABAB for "
                        + "ProbeResult (written by a newer or foreign schema?)");
    }

    @Test
    void recordOfAnotherTypeIsAnUnknownSchema() {
        byte[] alert = new AlertEventSerde().serializer().serialize("t", SampleRecords.alertEvent());

        assertThatThrownBy(() -> serde.deserializer().deserialize("t", alert))
                .isInstanceOf(RecordDecodingException.class)
                .hasFieldOrPropertyWithValue("reason", RecordDecodingException.Reason.UNKNOWN_SCHEMA);
    }
}
