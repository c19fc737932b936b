package dev.llmuptime.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmuptime.config.AlertMatch;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Acknowledgements and silences as their topics keep them: readable JSON with ISO times, read back whole. */
class ControlCodecTest {

    private final ControlCodec codec = new ControlCodec();

    @Test
    void aSilenceIsKeptAsReadableJsonAndReadBackWhole() throws Exception {
        Silence silence = new Silence("s1", new AlertMatch(null, null, "openai-*", null, "openai", null),
                Instant.parse("2026-11-29T17:00:00Z"), Instant.parse("2026-11-29T18:00:00Z"), "maintenance", "alice");

        byte[] bytes = codec.encode(silence);

        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("{\"id\":\"s1\",\"match\":{\"target\":\"openai-*\","
                + "\"provider\":\"openai\"},\"startsAt\":\"2026-11-29T17:00:00Z\",\"endsAt\":\"2026-11-29T18:00:00Z\","
                + "\"comment\":\"maintenance\",\"createdBy\":\"alice\"}");
        assertThat(codec.decodeSilence(bytes)).isEqualTo(silence);
    }

    @Test
    void anAcknowledgementIsReadBackWhole() throws Exception {
        Acknowledgement ack = new Acknowledgement("down:a:1", "a", "bob", "on it", Instant.parse("2026-11-29T17:00:00.123Z"));

        assertThat(codec.decodeAcknowledgement(codec.encode(ack))).isEqualTo(ack);
    }
}
