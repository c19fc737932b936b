package dev.llmuptime.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.llmuptime.config.CheckType;
import dev.llmuptime.config.TargetConfig;
import dev.llmuptime.schema.BackoffReasons;
import dev.llmuptime.schema.Outcome;
import dev.llmuptime.schema.ProbeReasons;
import dev.llmuptime.schema.ProbeResult;
import dev.llmuptime.simulator.Fault;
import dev.llmuptime.simulator.FaultMode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The adaptive cadence over real HTTP against the simulated provider, in real time. */
class AdaptiveProbingTest {

    @RegisterExtension
    final SimulatedProbing probing = new SimulatedProbing();
    private final List<ProbeResult> results = new CopyOnWriteArrayList<>();
    private Disposable subscription;

    @AfterEach
    void dispose() {
        subscription.dispose();
    }

    @Test
    void aFaultIsConfirmedThenProbedFasterAndARetryAfterIsHonoured() {
        TargetConfig target = Targets.withInterval(Targets.target(probing.sim.baseUrl(), "sim-small", CheckType.CHAT),
                Duration.ofSeconds(1)).withConfirmAfter(Duration.ofMillis(200))
                .withFailingInterval(Duration.ofMillis(200));
        probing.fault(Fault.of("sim-small", FaultMode.ERROR));
        schedule(target);

        await().atMost(Duration.ofSeconds(20)).until(() -> withReason(ProbeReasons.FAILING).size() >= 2);
        ProbeResult first = results.get(0);
        assertThat(first.getOutcome()).isEqualTo(Outcome.SERVER_ERROR);
        assertThat(first.getReason()).isNull();
        assertThat(results.get(1).getReason()).isEqualTo(ProbeReasons.CONFIRM);
        assertThat(withReason(ProbeReasons.FAILING)).allSatisfy(result ->
                assertThat(result.getOutcome()).isEqualTo(Outcome.SERVER_ERROR));

        probing.fault(Fault.of("sim-small", FaultMode.RATE_LIMIT));
        ProbeResult limited = await().atMost(Duration.ofSeconds(20)).until(
                () -> results.stream().filter(result -> result.getBackoffReason() != null).findFirst().orElse(null),
                Objects::nonNull);
        int at = results.indexOf(limited);
        await().atMost(Duration.ofSeconds(20)).until(() -> results.size() > at + 1);
        ProbeResult after = results.get(at + 1);

        // Retry-After: 1 outlasts the next slot (the interval is 1 s), so that slot waits until it ends.
        assertThat(limited.getOutcome()).isEqualTo(Outcome.RATE_LIMITED);
        assertThat(limited.getBackoffReason()).isEqualTo(BackoffReasons.RETRY_AFTER);
        assertThat(limited.getBackoffUntil()).isAfterOrEqualTo(limited.getStartedAt().plusSeconds(1));
        assertThat(after.getStartedAt()).isAfterOrEqualTo(limited.getBackoffUntil());
        assertThat(after.getReason()).as("the probe after a wait is a scheduled one").isNull();
    }

    @Test
    void aBadKeyOpensTheBreakerAndTheFirstSuccessClosesIt() {
        TargetConfig target = Targets.withInterval(Targets.target(probing.sim.baseUrl(), "sim-small", CheckType.CHAT),
                Duration.ofMillis(500)).withBreakerMaxInterval(Duration.ofMillis(1500));
        probing.fault(new Fault("sim-small", FaultMode.ERROR, 401, null, null));
        schedule(target);

        await().atMost(Duration.ofSeconds(20)).until(() -> results.size() >= 3);
        probing.fault(Fault.healthy("sim-small"));
        await().atMost(Duration.ofSeconds(20)).until(() -> results.stream()
                .filter(result -> result.getOutcome() == Outcome.SUCCESS).count() >= 2);

        List<ProbeResult> refused = results.stream().filter(result -> result.getOutcome() == Outcome.AUTH_ERROR)
                .toList();
        assertThat(refused).hasSizeGreaterThanOrEqualTo(3).allSatisfy(result ->
                assertThat(result.getBackoffReason()).isEqualTo(BackoffReasons.BREAKER));
        // Waits of 1 s, then 1.5 s (the cap), each from the slot of the refused probe.
        assertThat(Duration.between(refused.get(0).getScheduledAt(), refused.get(1).getScheduledAt()))
                .isEqualTo(Duration.ofSeconds(1));
        assertThat(Duration.between(refused.get(1).getScheduledAt(), refused.get(2).getScheduledAt()))
                .isEqualTo(Duration.ofMillis(1500));
        ProbeResult firstSuccess = results.get(refused.size());
        assertThat(firstSuccess.getOutcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(firstSuccess.getBackoffReason()).as("the first success closes the breaker").isNull();
    }

    private void schedule(TargetConfig target) {
        ProbeScheduler scheduler = new ProbeScheduler(List.of(target), probing.runner(),
                new ProbeMetrics(new SimpleMeterRegistry()), Schedulers.parallel(), RandomGenerator.getDefault());
        subscription = scheduler.schedule(target, Mono.never()).subscribe(results::add);
    }

    private List<ProbeResult> withReason(String reason) {
        return results.stream().filter(result -> reason.equals(result.getReason())).toList();
    }
}
