package dev.llmuptime.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProbeReasonsTest {

    @Test
    void aResultWithoutReasonFillsItsSlot() {
        assertThat(ProbeReasons.isScheduled(SampleRecords.minimalProbeResult())).isTrue();
    }

    @Test
    void aScheduledResultFillsItsSlotAndAConfirmationDoesNot() {
        ProbeResult confirm = SampleRecords.probeResult();

        assertThat(ProbeReasons.isScheduled(ProbeResult.newBuilder(confirm).setReason(ProbeReasons.SCHEDULED).build()))
                .isTrue();
        assertThat(ProbeReasons.isScheduled(confirm)).isFalse();
    }
}
