package dev.llmuptime.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmuptime.schema.Outcome;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The state topic's values keep the format earlier releases wrote, so their state stays readable. */
class StateCodecTest {

    private final StateCodec codec = new StateCodec();

    @Test
    void anAlertStateIsWrittenAsEarlierReleasesWroteIt() {
        AlertState firing = AlertState.pending(1000, StatsFixtures.stats("a", Duration.ofMinutes(1), 10, 0.5, 500.0,
                Outcome.TIMEOUT, 2, 0), new Verdict(true, false, 2.0, 2.0)).firing("down:a:1000");

        assertWrittenAs(firing, "{\"status\":\"FIRING\",\"since\":1000,\"alertId\":\"down:a:1000\",\"startsAt\":1000,"
                + "\"provider\":\"openai\",\"model\":\"gpt-4o-mini\",\"value\":2.0,\"threshold\":2.0,"
                + "\"windowStart\":1795687200000,\"windowEnd\":1795687260000}");
    }

    @Test
    void fieldsWithoutAValueAreWrittenAsNull() {
        assertWrittenAs(AlertState.silent(5000, 120_000, Duration.ofMinutes(2)),
                "{\"status\":\"PENDING\",\"since\":5000,\"alertId\":null,\"startsAt\":5000,"
                + "\"provider\":null,\"model\":null,\"value\":120.0,\"threshold\":120.0,"
                + "\"windowStart\":null,\"windowEnd\":null}");
    }

    @Test
    void theLastSeenTimeIsDecimalMilliseconds() {
        assertThat(new String(codec.encodeSeen(1_795_687_200_000L), StandardCharsets.UTF_8)).isEqualTo("1795687200000");
        assertThat(codec.decodeSeen(codec.encodeSeen(42))).isEqualTo(42);
    }

    private void assertWrittenAs(AlertState state, String json) {
        assertThat(new String(codec.encode(state), StandardCharsets.UTF_8)).isEqualTo(json);
        assertThat(codec.decodeAlert(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(state);
    }
}
