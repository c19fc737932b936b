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

    @Test
    void aProbeWhileFailingDoesNotFillASlot() {
        ProbeResult failing = ProbeResult.newBuilder(SampleRecords.probeResult()).setReason(ProbeReasons.FAILING).build();

        assertThat(ProbeReasons.isScheduled(failing)).isFalse();
    }
}
