package dev.llmuptime.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Every outcome falls in exactly one of the contract's three classes (section 4). */
class OutcomesTest {

    @Test
    void upIsSuccessOrSlow() {
        assertThat(Arrays.stream(Outcome.values()).filter(Outcomes::isUp))
                .containsExactlyInAnyOrder(Outcome.SUCCESS, Outcome.SLOW);
    }

    @Test
    void authAndClientErrorsAreTheMonitorsOwn() {
        assertThat(Arrays.stream(Outcome.values()).filter(Outcomes::isMonitorSide))
                .containsExactlyInAnyOrder(Outcome.AUTH_ERROR, Outcome.CLIENT_ERROR);
    }

    @Test
    void everyOtherOutcomeCountsAgainstUptime() {
        assertThat(Arrays.stream(Outcome.values()).filter(Outcomes::countsAgainstUptime))
                .containsExactlyInAnyOrder(Outcome.CONTENT_MISMATCH, Outcome.INVALID_RESPONSE, Outcome.RATE_LIMITED,
                        Outcome.SERVER_ERROR, Outcome.TIMEOUT, Outcome.CONNECTION_ERROR, Outcome.MODEL_UNAVAILABLE);
    }
}
