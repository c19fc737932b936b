package dev.llmuptime.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmuptime.schema.Outcome;
import dev.llmuptime.schema.ProbeResult;
import dev.llmuptime.schema.ProbeResultSerde;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProbeResultsTest {

    private static final Instant AT = Instant.parse("2026-11-26T10:00:00Z");

    @Test
    void defaultsMakeARecordTheSerdeCarries() {
        ProbeResult result = ProbeResults.success("sim-chat", AT).build();
        ProbeResultSerde serde = new ProbeResultSerde();

        ProbeResult back = serde.deserializer().deserialize("t", serde.serializer().serialize("t", result));

        assertThat(back).isEqualTo(result);
        assertThat(back.getTargetId()).isEqualTo("sim-chat");
        assertThat(back.getOutcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(back.getScheduledAt()).isEqualTo(AT);
        assertThat(back.getStartedAt()).isEqualTo(AT);
    }

    @Test
    void everyResultHasItsOwnProbeIdAndTheCallersChoices() {
        ProbeResult timeout = ProbeResults.of("sim-chat", AT, Outcome.TIMEOUT).setRegion("eu").setLatencyMs(20_000)
                .build();

        assertThat(timeout.getProbeId()).isNotEqualTo(ProbeResults.success("sim-chat", AT).build().getProbeId());
        assertThat(timeout.getOutcome()).isEqualTo(Outcome.TIMEOUT);
        assertThat(timeout.getRegion()).isEqualTo("eu");
        assertThat(timeout.getLatencyMs()).isEqualTo(20_000);
    }
}
