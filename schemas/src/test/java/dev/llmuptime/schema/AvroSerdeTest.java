package dev.llmuptime.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class AvroSerdeTest {

    private static final String TOPIC = "llm.test";

    @Test
    void probeResultRoundTripsWithEveryFieldSet() {
        assertRoundTrip(new ProbeResultSerde(), SampleRecords.probeResult());
    }

    @Test
    void probeResultRoundTripsWithOptionalFieldsNull() {
        assertRoundTrip(new ProbeResultSerde(), SampleRecords.minimalProbeResult());
    }

    @Test
    void windowStatsRoundTrips() {
        assertRoundTrip(new WindowStatsSerde(), SampleRecords.windowStats());
    }

    @Test
    void windowStatsWithoutSamplesRoundTrips() {
        WindowStats empty = WindowStats.newBuilder(SampleRecords.windowStats())
                .setLatency(null).setTtft(null).setUptime(null).setTokensPerSecondP50(null).setLatencySketch(null)
                .build();
        assertRoundTrip(new WindowStatsSerde(), empty);
    }

    @Test
    void alertEventRoundTrips() {
        assertRoundTrip(new AlertEventSerde(), SampleRecords.alertEvent());
    }

    @Test
    void nullValuesStayNull() {
        ProbeResultSerde serde = new ProbeResultSerde();
        assertThat(serde.serializer().serialize(TOPIC, null)).isNull();
        assertThat(serde.deserializer().deserialize(TOPIC, null)).isNull();
    }

    @Test
    void headerIsMarkerThenLittleEndianSchemaFingerprint() {
        byte[] bytes = new ProbeResultSerde().serializer().serialize(TOPIC, SampleRecords.probeResult());

        assertThat(bytes[0]).isEqualTo((byte) 0xC3);
        assertThat(bytes[1]).isEqualTo((byte) 0x01);
        long fingerprint = ByteBuffer.wrap(Arrays.copyOfRange(bytes, 2, 10)).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertThat(fingerprint).isEqualTo(SchemaNormalization.parsingFingerprint64(ProbeResult.getClassSchema()));
    }

    @Test
    void eachTypeHasItsOwnFingerprint() {
        long probe = SchemaNormalization.parsingFingerprint64(ProbeResult.getClassSchema());
        long stats = SchemaNormalization.parsingFingerprint64(WindowStats.getClassSchema());
        long alert = SchemaNormalization.parsingFingerprint64(AlertEvent.getClassSchema());
        assertThat(probe).isNotEqualTo(stats).isNotEqualTo(alert);
        assertThat(stats).isNotEqualTo(alert);
    }

    private static <T extends SpecificRecord> void assertRoundTrip(AvroSerde<T> serde, T record) {
        byte[] bytes = serde.serializer().serialize(TOPIC, record);
        T decoded = serde.deserializer().deserialize(TOPIC, bytes);
        assertThat(decoded).isEqualTo(record);
    }
}
