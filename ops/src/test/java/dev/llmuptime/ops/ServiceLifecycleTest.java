package dev.llmuptime.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.llmuptime.ops.ServiceLifecycle.State;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ServiceLifecycleTest {

    private final ServiceLifecycle lifecycle = new ServiceLifecycle("test-service");
    private final List<String> closed = new CopyOnWriteArrayList<>();

    @Test
    void startsOnceAndRefusesASecondStart() {
        AtomicInteger starts = new AtomicInteger();

        lifecycle.start(starts::incrementAndGet);

        assertThat(lifecycle.state()).isEqualTo(State.RUNNING);
        assertThatThrownBy(() -> lifecycle.start(starts::incrementAndGet)).isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot start a service that is running");
        assertThat(starts).hasValue(1);
        assertThat(lifecycle.state()).isEqualTo(State.RUNNING);
    }

    @Test
    void closesWhatStartOpenedInReverseOrderAndOnlyOnce() {
        lifecycle.start(() -> {
            lifecycle.onClose("server", () -> closed.add("server"));
            lifecycle.onClose("producer", () -> closed.add("producer"));
            lifecycle.onClose("threads", () -> closed.add("threads"));
        });

        assertThat(lifecycle.close()).isTrue();
        assertThat(lifecycle.close()).isFalse();

        assertThat(closed).containsExactly("threads", "producer", "server");
        assertThat(lifecycle.state()).isEqualTo(State.STOPPED);
    }

    @Test
    void closingBeforeStartStopsTheServiceForGood() {
        AtomicInteger starts = new AtomicInteger();

        assertThat(lifecycle.close()).isTrue();

        awaitClosedReturns();
        assertThatThrownBy(() -> lifecycle.start(starts::incrementAndGet)).isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot start a service that is stopped");
        assertThat(starts).hasValue(0);
        assertThat(lifecycle.close()).isFalse();
    }

    @Test
    void awaitClosedReturnsOnlyOnceClosed() {
        lifecycle.start(() -> lifecycle.onClose("server", () -> closed.add("server")));
        CompletableFuture<Void> waiting = waitForClose();

        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !waiting.isDone());
        lifecycle.close();

        await().atMost(Duration.ofSeconds(5)).until(waiting::isDone);
        assertThat(waiting).isCompleted();
        assertThat(closed).containsExactly("server");
    }

    @Test
    void aFailureInStartClosesWhatWasStartedAndIsRethrown() {
        IllegalStateException failure = new IllegalStateException("port 8080 in use");

        assertThatThrownBy(() -> lifecycle.start(() -> {
            lifecycle.onClose("producer", () -> closed.add("producer"));
            lifecycle.onClose("threads", () -> closed.add("threads"));
            throw failure;
        })).isSameAs(failure);

        assertThat(closed).containsExactly("threads", "producer");
        assertThat(lifecycle.state()).isEqualTo(State.STOPPED);
        awaitClosedReturns();
        assertThat(lifecycle.close()).isFalse();
        assertThat(closed).hasSize(2);
    }

    @Test
    void aPartThatFailsToCloseDoesNotKeepTheOthersOpen() {
        lifecycle.start(() -> {
            lifecycle.onClose("server", () -> closed.add("server"));
            lifecycle.onClose("producer", () -> {
                throw new IllegalStateException("broker gone");
            });
            lifecycle.onClose("threads", () -> closed.add("threads"));
        });

        assertThat(lifecycle.close()).isTrue();

        assertThat(closed).containsExactly("threads", "server");
        assertThat(lifecycle.state()).isEqualTo(State.STOPPED);
    }

    @Test
    void partsAreRegisteredOnlyWhileStarting() {
        assertThatThrownBy(() -> lifecycle.onClose("early", () -> { })).isInstanceOf(IllegalStateException.class);
        lifecycle.start(() -> { });

        assertThatThrownBy(() -> lifecycle.closeOnStop(() -> { })).isInstanceOf(IllegalStateException.class)
                .hasMessage("parts are registered while starting, not when running");
    }

    @Test
    void workBegunLaterRunsOnlyWhileRunning() {
        AtomicInteger runs = new AtomicInteger();

        assertThat(lifecycle.ifRunning(runs::incrementAndGet)).isFalse();
        lifecycle.start(() -> { });
        assertThat(lifecycle.ifRunning(runs::incrementAndGet)).isTrue();
        lifecycle.close();
        assertThat(lifecycle.ifRunning(runs::incrementAndGet)).isFalse();

        assertThat(runs).hasValue(1);
    }

    @Test
    void healthIsTheServicesOwnOnlyWhileRunning() {
        Health own = Health.up("3 targets probed");

        List<Health> seen = new CopyOnWriteArrayList<>();

        seen.add(lifecycle.health(() -> own));
        lifecycle.start(() -> {
            seen.add(lifecycle.health(() -> own));
            lifecycle.onClose("server", () -> seen.add(lifecycle.health(() -> own)));
        });
        seen.add(lifecycle.health(() -> own));
        lifecycle.close();
        seen.add(lifecycle.health(() -> own));

        assertThat(seen).containsExactly(Health.down("service new"), Health.down("service starting"), own,
                Health.down("service stopping"), Health.down("service stopped"));
    }

    private void awaitClosedReturns() {
        CompletableFuture<Void> waiting = waitForClose();
        await().atMost(Duration.ofSeconds(5)).until(waiting::isDone);
        assertThat(waiting).isCompleted();
    }

    private CompletableFuture<Void> waitForClose() {
        return CompletableFuture.runAsync(() -> {
            try {
                lifecycle.awaitClosed();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
