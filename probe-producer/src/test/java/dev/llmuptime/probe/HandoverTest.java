package dev.llmuptime.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class HandoverTest {

    private final Handover handover = new Handover(Duration.ofSeconds(30));

    @Test
    void givingATargetUpWaitsForItsProbeInFlight() throws InterruptedException {
        assertThat(handover.begin("t1")).isTrue();
        AtomicReference<Boolean> givenUp = new AtomicReference<>();
        Thread revoking = new Thread(() -> givenUp.set(giveUp(handover, "t1")));
        revoking.start();

        await().atMost(Duration.ofSeconds(10)).until(() -> revoking.getState() == Thread.State.TIMED_WAITING);
        assertThat(givenUp.get()).as("still waiting for the probe of t1").isNull();
        handover.end("t1");
        revoking.join(Duration.ofSeconds(10).toMillis());
        assertThat(givenUp.get()).isTrue();
    }

    @Test
    void noProbeStartsOnceATargetIsGivenUpUntilItIsTakenAgain() {
        assertThat(giveUp(handover, "t1")).as("nothing in flight: given up at once").isTrue();

        assertThat(handover.begin("t1")).isFalse();
        assertThat(handover.begin("t2")).as("other targets go on").isTrue();
        handover.taken(List.of("t1"));
        assertThat(handover.begin("t1")).isTrue();
    }

    @Test
    void aProbeOfAnotherTargetDoesNotHoldTheHandoverBack() {
        assertThat(handover.begin("t2")).isTrue();

        assertThat(giveUp(handover, "t1")).isTrue();
    }

    @Test
    void aProbeRunningPastThePatienceIsHandedOverAnyway() {
        Handover impatient = new Handover(Duration.ofMillis(50));
        assertThat(impatient.begin("t1")).isTrue();

        assertThat(giveUp(impatient, "t1")).as("the probe of t1 never ended").isFalse();
    }

    private static boolean giveUp(Handover handover, String target) {
        try {
            return handover.giveUp(List.of(target));
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
