package dev.llmuptime.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmuptime.config.CheckType;
import dev.llmuptime.config.TargetConfig;
import dev.llmuptime.schema.BackoffReasons;
import dev.llmuptime.schema.Outcome;
import dev.llmuptime.schema.ProbeReasons;
import dev.llmuptime.schema.ProbeResult;
import dev.llmuptime.testkit.ProbeResults;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each rule of the cadence as a pure function: a probe's result and end time in, the next probe out. */
class CadenceTest {

    /** Slot 0 is due at 1000 ms; slots are 5 s apart. */
    private static final long START = 1_000;

    private final TargetConfig target = Targets.withInterval(
            Targets.target("http://127.0.0.1:1/v1", "m", CheckType.CHAT), Duration.ofSeconds(5))
            .withConfirmAfter(Duration.ofSeconds(1)).withFailingInterval(Duration.ofSeconds(1));

    @Test
    void aSuccessWaitsForTheNextSlot() {
        NextProbe next = Cadence.first(target, START).cadence().after(result(Outcome.SUCCESS), 1_200);

        assertThat(next.at()).isEqualTo(6_000);
        assertThat(next.reason()).isNull();
        assertThat(next.backoffReason()).isNull();
    }

    @Test
    void aFailureIsConfirmedThenProbedEveryFailingIntervalUntilTheSlotComesFirst() {
        NextProbe confirm = Cadence.first(target, START).cadence().after(result(Outcome.SERVER_ERROR), 1_200);
        NextProbe failing = confirm.cadence().after(result(Outcome.TIMEOUT), 2_300);
        NextProbe later = failing.cadence().after(result(Outcome.TIMEOUT), 5_100);

        assertThat(confirm).extracting(NextProbe::at, NextProbe::reason).containsExactly(2_200L, ProbeReasons.CONFIRM);
        assertThat(failing).extracting(NextProbe::at, NextProbe::reason).containsExactly(3_300L, ProbeReasons.FAILING);
        // 6.1 s would be after the slot at 6 s: the slot runs, as a scheduled probe.
        assertThat(later).extracting(NextProbe::at, NextProbe::reason).containsExactly(6_000L, null);
    }

    @Test
    void theFirstSuccessAfterAFailureIsConfirmedAndThenOnlyTheSlotsRun() {
        NextProbe failing = Cadence.first(target, START).cadence().after(result(Outcome.SERVER_ERROR), 1_200)
                .cadence().after(result(Outcome.SERVER_ERROR), 2_300);
        NextProbe confirm = failing.cadence().after(result(Outcome.SUCCESS), 3_400);
        NextProbe slot = confirm.cadence().after(result(Outcome.SUCCESS), 4_500);

        assertThat(confirm).extracting(NextProbe::at, NextProbe::reason).containsExactly(4_400L, ProbeReasons.CONFIRM);
        assertThat(slot).extracting(NextProbe::at, NextProbe::reason).containsExactly(6_000L, null);
    }

    @Test
    void aRateLimitedProbeIsConfirmedLikeAnyFailure() {
        NextProbe next = Cadence.first(target, START).cadence().after(result(Outcome.RATE_LIMITED), 1_200);

        assertThat(next).extracting(NextProbe::at, NextProbe::reason).containsExactly(2_200L, ProbeReasons.CONFIRM);
    }

    @Test
    void slotsPassedDuringALongProbeAreSkippedButTheNewestRunsAtOnce() {
        NextProbe next = Cadence.first(target, START).cadence().after(result(Outcome.SUCCESS), 17_000);

        assertThat(next.at()).isEqualTo(17_000);
        assertThat(next.skippedSlots()).as("the slots at 6 and 11 s").isEqualTo(2);
        assertThat(next.cadence().after(result(Outcome.SUCCESS), 17_100).at()).isEqualTo(21_000);
    }

    @Test
    void aWaitTheProviderAsksForSkipsTheSlotsItCoversButTheNewestRunsWhenItEnds() {
        NextProbe next = Cadence.first(target, START).cadence()
                .after(waiting(Outcome.RATE_LIMITED, BackoffReasons.RETRY_AFTER, 13_500), 1_200);

        // The slot at 6 s is not probed; the one at 11 s runs at 13.5 s.
        assertThat(next).extracting(NextProbe::at, NextProbe::reason, NextProbe::backoffReason)
                .containsExactly(13_500L, null, BackoffReasons.RETRY_AFTER);
        assertThat(next.skippedSlots()).as("slots waited out are not skipped ticks").isZero();
    }

    @Test
    void aOneSecondRetryAfterEndingJustAfterASlotDelaysThatSlotRatherThanLosingIt() {
        NextProbe confirm = Cadence.first(target, START).cadence().after(result(Outcome.RATE_LIMITED), 1_200);
        NextProbe slot = confirm.cadence()
                .after(waiting(Outcome.RATE_LIMITED, BackoffReasons.RETRY_AFTER, 6_050), 5_050);
        NextProbe failing = slot.cadence().after(result(Outcome.RATE_LIMITED), 6_100);

        assertThat(slot).extracting(NextProbe::at, NextProbe::reason, NextProbe::backoffReason)
                .containsExactly(6_050L, null, BackoffReasons.RETRY_AFTER);
        assertThat(failing).as("the slot at 6 s was probed: the next is at 11 s, extra probes before it")
                .extracting(NextProbe::at, NextProbe::reason).containsExactly(7_100L, ProbeReasons.FAILING);
    }

    @Test
    void aWaitEndingBeforeTheNextSlotDelaysTheConfirmationUntilItEnds() {
        NextProbe next = Cadence.first(target, START).cadence()
                .after(waiting(Outcome.RATE_LIMITED, BackoffReasons.RETRY_AFTER, 3_000), 1_200);

        assertThat(next).extracting(NextProbe::at, NextProbe::reason, NextProbe::backoffReason)
                .containsExactly(3_000L, ProbeReasons.CONFIRM, BackoffReasons.RETRY_AFTER);
    }

    @Test
    void aWaitEndingBeforeTheConfirmationChangesNothing() {
        NextProbe next = Cadence.first(target, START).cadence()
                .after(waiting(Outcome.RATE_LIMITED, BackoffReasons.RETRY_AFTER, 1_500), 1_200);

        assertThat(next).extracting(NextProbe::at, NextProbe::reason, NextProbe::backoffReason)
                .containsExactly(2_200L, ProbeReasons.CONFIRM, null);
    }

    @Test
    void aRateLimitResetDelaysEvenASuccess() {
        NextProbe next = Cadence.first(target, START).cadence()
                .after(waiting(Outcome.SUCCESS, BackoffReasons.RATE_LIMIT_RESET, 9_000), 1_200);

        // The slot at 6 s runs when the reset comes.
        assertThat(next).extracting(NextProbe::at, NextProbe::backoffReason)
                .containsExactly(9_000L, BackoffReasons.RATE_LIMIT_RESET);
    }

    @Test
    void maxBackoffCapsTheWait() {
        TargetConfig capped = target.withMaxBackoff(Duration.ofSeconds(30));
        NextProbe next = Cadence.first(capped, START).cadence()
                .after(waiting(Outcome.RATE_LIMITED, BackoffReasons.RETRY_AFTER, 3_600_000), 1_200);

        // 1.2 s + 30 s: the slot at 31 s runs then.
        assertThat(next).extracting(NextProbe::at, NextProbe::backoffReason)
                .containsExactly(31_200L, BackoffReasons.RETRY_AFTER);
    }

    @Test
    void failuresOnTheMonitorsSideDoubleTheWaitUpToTheBreakersCap() {
        TargetConfig breaker = target.withBreakerMaxInterval(Duration.ofSeconds(30));
        NextProbe next = Cadence.first(breaker, START);
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long planned = next.at();
            next = next.cadence().after(result(Outcome.AUTH_ERROR), planned + 100);
            assertThat(next.backoffReason()).isEqualTo(BackoffReasons.BREAKER);
            waits.add(next.at() - planned);
        }
        NextProbe closed = next.cadence().after(result(Outcome.SUCCESS), next.at() + 100);

        assertThat(waits).containsExactly(10_000L, 20_000L, 30_000L, 30_000L, 30_000L);
        assertThat(closed.at() - next.at()).as("a success restores the interval").isEqualTo(5_000);
        assertThat(closed.backoffReason()).isNull();
    }

    @Test
    void anyOutcomeButAMonitorSideFailureClosesTheBreaker() {
        NextProbe open = Cadence.first(target, START).cadence().after(result(Outcome.CLIENT_ERROR), 1_200);
        NextProbe failing = open.cadence().after(result(Outcome.SERVER_ERROR), open.at() + 100);

        assertThat(open).extracting(NextProbe::at, NextProbe::backoffReason).containsExactly(11_000L,
                BackoffReasons.BREAKER);
        assertThat(failing).extracting(NextProbe::at, NextProbe::reason, NextProbe::backoffReason)
                .containsExactly(12_100L, ProbeReasons.CONFIRM, null);
    }

    @Test
    void aBreakerCapNoLongerThanTheIntervalNeverSlowsTheTarget() {
        TargetConfig uncapped = target.withBreakerMaxInterval(Duration.ofSeconds(2));
        NextProbe next = Cadence.first(uncapped, START).cadence().after(result(Outcome.AUTH_ERROR), 1_200);

        assertThat(next).extracting(NextProbe::at, NextProbe::backoffReason).containsExactly(6_000L, null);
    }

    private static ProbeResult result(Outcome outcome) {
        return ProbeResults.of("a", Instant.EPOCH, outcome).build();
    }

    private static ProbeResult waiting(Outcome outcome, String reason, long untilMillis) {
        return ProbeResults.of("a", Instant.EPOCH, outcome).setBackoffReason(reason)
                .setBackoffUntil(Instant.ofEpochMilli(untilMillis)).build();
    }
}
