package dev.llmuptime.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmuptime.config.CheckType;
import dev.llmuptime.config.TargetConfig;
import dev.llmuptime.schema.Outcome;
import dev.llmuptime.schema.ProbeReasons;
import dev.llmuptime.schema.ProbeResult;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.test.scheduler.VirtualTimeScheduler;

/** Scheduling in virtual time: hours pass in milliseconds and nothing sleeps. */
class ProbeSchedulerTest {

    private final VirtualTimeScheduler time = VirtualTimeScheduler.create();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ProbeMetrics metrics = new ProbeMetrics(registry);
    private final List<ProbeResult> results = new CopyOnWriteArrayList<>();
    private final Sinks.Empty<Void> stop = Sinks.empty();
    private final Sinks.Many<Set<String>> owned = Sinks.many().replay().latest();
    /** Replies of the next probes, in order; a success once they run out. */
    private final Queue<ScriptedRunner.Reply> replies = new ConcurrentLinkedQueue<>();
    private List<Instant> started = List.of();
    private ScriptedRunner runner;
    private Disposable subscription;

    @AfterEach
    void dispose() {
        if (subscription != null) {
            subscription.dispose();
        }
        time.dispose();
    }

    @Test
    void firstProbeRunsAtStartWithinTheJitter() {
        run(target("a", Duration.ofSeconds(30)), Duration.ofMillis(100));

        time.advanceTimeBy(Duration.ofSeconds(1));

        assertThat(started).hasSize(1);
        assertThat(started.get(0)).isBefore(Instant.ofEpochMilli(1000));
    }

    @Test
    void ticksDoNotDriftOverHours() {
        run(target("a", Duration.ofSeconds(30)), Duration.ofMillis(700));

        time.advanceTimeBy(Duration.ofHours(6));

        assertThat(started).hasSize(6 * 120);
        long offset = started.get(0).toEpochMilli();
        for (int i = 0; i < started.size(); i++) {
            assertThat(started.get(i).toEpochMilli()).isEqualTo(offset + i * 30_000L);
        }
        assertThat(results).allSatisfy(result -> assertThat(result.getScheduledAt()).isEqualTo(result.getStartedAt()));
    }

    @Test
    void aTickDuringARunningProbeWaitsForItToEnd() {
        run(target("hangs", Duration.ofSeconds(10)), Duration.ofSeconds(10).plusMillis(5));

        // 32 s: the fourth start is at 30.015 s after the first, which comes up to 1 s late (jitter).
        time.advanceTimeBy(Duration.ofSeconds(32));

        // A probe that ends 5 ms after the next tick is followed at once, not 10 s later.
        assertThat(sinceFirst(started)).containsExactly(0L, 10_005L, 20_010L, 30_015L);
        assertThat(sinceFirst(results.stream().map(ProbeResult::getScheduledAt).toList()))
                .containsExactly(0L, 10_000L, 20_000L);
        assertThat(runner.maxRunning.get()).isEqualTo(1);
        assertThat(registry.find("llm.probe.skipped.ticks").counters()).as("nothing skipped").isEmpty();
    }

    @Test
    void onlyTheNewestWaitingTickRunsTheOthersAreSkippedAndCounted() {
        run(target("slow", Duration.ofSeconds(10)), Duration.ofSeconds(25));

        time.advanceTimeBy(Duration.ofSeconds(59));

        // The ticks at 10 and 20 s come during the first probe: 20 s runs when it ends at 25 s, 10 s is skipped.
        // The ticks at 30, 40 and 50 s come during the second: 50 s runs when it ends, 30 and 40 s are skipped.
        assertThat(sinceFirst(started)).containsExactly(0L, 25_000L, 50_000L);
        assertThat(results).extracting(ProbeResult::getScheduledAt).extracting(at -> at.toEpochMilli()
                - started.get(0).toEpochMilli()).containsExactly(0L, 20_000L);
        assertThat(runner.maxRunning.get()).isEqualTo(1);
        assertThat(registry.get("llm.probe.skipped.ticks").tag("target", "slow").counter().count()).isEqualTo(3);
    }

    @Test
    void targetsRunOnTheirOwnIntervals() {
        run(List.of(target("fast", Duration.ofSeconds(5)), target("slow", Duration.ofSeconds(60))), Duration.ZERO);

        time.advanceTimeBy(Duration.ofMinutes(2).minusMillis(1));

        assertThat(results).filteredOn(r -> r.getTargetId().equals("fast")).hasSize(24);
        assertThat(results).filteredOn(r -> r.getTargetId().equals("slow")).hasSize(2);
        assertThat(registry.get("llm.probes").tag("target", "fast").counter().count()).isEqualTo(24);
    }

    @Test
    void everyOneOfAThousandTargetsIsProbed() {
        List<TargetConfig> targets = IntStream.range(0, 1000)
                .mapToObj(i -> target("t" + i, Duration.ofSeconds(1))).toList();
        run(targets, Duration.ofMillis(300));

        // The tenth probes start before 10 s (the first ones within the jitter of up to 1 s) and end 300 ms later;
        // eleventh probes start at 10 s or later, so none ends before 10.3 s.
        time.advanceTimeBy(Duration.ofMillis(10_300 - 1));

        assertThat(results).hasSize(10_000);
        assertThat(results.stream().map(ProbeResult::getTargetId).distinct()).hasSize(1000);
    }

    @Test
    void stopLetsTheRunningProbeFinishThenCompletes() {
        List<Boolean> completed = new ArrayList<>();
        subscription = scheduler(List.of(target("a", Duration.ofSeconds(10))), Duration.ofSeconds(3))
                .run(ownsAll(List.of("a")), stop.asMono()).doOnComplete(() -> completed.add(true)).subscribe(results::add);
        time.advanceTimeBy(Duration.ofSeconds(11));
        assertThat(started).hasSize(2);

        stop.tryEmitEmpty();
        time.advanceTimeBy(Duration.ofSeconds(1));
        assertThat(completed).isEmpty();
        time.advanceTimeBy(Duration.ofMinutes(1));

        assertThat(results).hasSize(2);
        assertThat(started).hasSize(2);
        assertThat(completed).containsExactly(true);
    }

    @Test
    void nothingRunsUntilATargetIsAssignedThenItsClockStarts() {
        subscription = scheduler(List.of(target("a", Duration.ofSeconds(10))), Duration.ofMillis(100))
                .run(owned.asFlux(), stop.asMono()).subscribe(results::add);
        own();
        time.advanceTimeBy(Duration.ofMinutes(5));
        assertThat(started).isEmpty();

        own("a");
        time.advanceTimeBy(Duration.ofSeconds(21));

        assertThat(started).hasSize(3);
        assertThat(started.get(0)).isBetween(Instant.ofEpochMilli(300_000), Instant.ofEpochMilli(301_000));
        // The third probe may start up to 21 s in and is counted when it ends; the fourth starts at 30 s at the earliest.
        time.advanceTimeBy(Duration.ofSeconds(5));
        assertThat(registry.get("llm.probes").tag("target", "a").counter().count()).isEqualTo(3);
    }

    @Test
    void revocationLetsTheProbeInFlightFinishThenStopsTheTarget() {
        run(List.of(target("a", Duration.ofSeconds(10)), target("b", Duration.ofSeconds(10))), Duration.ofSeconds(3));
        time.advanceTimeBy(Duration.ofSeconds(11));
        assertThat(started).hasSize(4);

        own("b");
        time.advanceTimeBy(Duration.ofSeconds(4));
        assertThat(results).filteredOn(r -> r.getTargetId().equals("a")).as("the probe in flight ends").hasSize(2);
        time.advanceTimeBy(Duration.ofMinutes(1));

        assertThat(results).filteredOn(r -> r.getTargetId().equals("a")).as("then nothing more").hasSize(2);
        assertThat(results).filteredOn(r -> r.getTargetId().equals("b")).as("b never paused").hasSize(8);
    }

    @Test
    void aTargetOwnedAgainRestartsOnlyAfterItsProbeInFlightEnded() {
        run(target("a", Duration.ofSeconds(10)), Duration.ofSeconds(3));
        time.advanceTimeBy(Duration.ofSeconds(11));
        Instant secondStart = started.get(1);

        own();
        time.advanceTimeBy(Duration.ofMillis(500));
        own("a");
        time.advanceTimeBy(Duration.ofSeconds(30));

        assertThat(runner.maxRunning.get()).as("probes of a target never overlap").isEqualTo(1);
        assertThat(started.get(2)).isAfterOrEqualTo(secondStart.plusSeconds(3));
        assertThat(results.size()).isGreaterThanOrEqualTo(4);
        assertThat(results.stream().map(ProbeResult::getTargetId).distinct()).containsExactly("a");
    }

    @Test
    void aFailureIsConfirmedAfterConfirmAfterThenProbedEveryFailingIntervalAndTheClockKeepsItsSlots() {
        replies.addAll(ScriptedRunner.outcomes(Outcome.SERVER_ERROR, Outcome.TIMEOUT, Outcome.TIMEOUT,
                Outcome.TIMEOUT, Outcome.TIMEOUT, Outcome.SUCCESS));
        run(target("a", Duration.ofSeconds(5)).withConfirmAfter(Duration.ofSeconds(1)), Duration.ofMillis(100));

        time.advanceTimeBy(Duration.ofSeconds(12));

        // Each extra probe starts a second after the last one ended, until the slot at 5 s comes first;
        // the success there is confirmed a second later too, and then only the slots run.
        assertThat(sinceFirst(started)).containsExactly(0L, 1_100L, 2_200L, 3_300L, 4_400L, 5_000L, 6_100L, 10_000L);
        assertThat(results).extracting(ProbeResult::getReason).containsExactly(null, ProbeReasons.CONFIRM,
                ProbeReasons.FAILING, ProbeReasons.FAILING, ProbeReasons.FAILING, null, ProbeReasons.CONFIRM, null);
        assertThat(results.get(1).getScheduledAt()).isEqualTo(started.get(1));
        assertThat(registry.get("llm.probes").tag("target", "a").tag("outcome", "TIMEOUT").counter().count())
                .as("extra probes are counted as probes").isEqualTo(4);
    }

    @Test
    void successesAndFailuresOnTheMonitorsSideAreNotConfirmed() {
        replies.addAll(ScriptedRunner.outcomes(Outcome.SUCCESS, Outcome.AUTH_ERROR, Outcome.CLIENT_ERROR,
                Outcome.SLOW));
        // A breaker capped at the interval never waits longer than it.
        run(target("a", Duration.ofSeconds(5)).withConfirmAfter(Duration.ofSeconds(1))
                .withBreakerMaxInterval(Duration.ofSeconds(5)), Duration.ofMillis(100));

        time.advanceTimeBy(Duration.ofSeconds(19));

        assertThat(sinceFirst(started)).containsExactly(0L, 5_000L, 10_000L, 15_000L);
        assertThat(results).extracting(ProbeResult::getReason).containsOnlyNulls();
    }

    @Test
    void zeroConfirmAfterTurnsConfirmationOffButNotTheFailingCadence() {
        replies.addAll(ScriptedRunner.outcomes(Outcome.SERVER_ERROR, Outcome.SERVER_ERROR));
        run(target("a", Duration.ofSeconds(5)).withConfirmAfter(Duration.ZERO).withFailingInterval(
                Duration.ofSeconds(2)), Duration.ofMillis(100));

        time.advanceTimeBy(Duration.ofSeconds(9));

        assertThat(sinceFirst(started)).containsExactly(0L, 2_100L, 4_200L, 5_000L);
        assertThat(results).extracting(ProbeResult::getReason).containsExactly(null, ProbeReasons.FAILING,
                ProbeReasons.FAILING, null);
    }

    @Test
    void aConfirmationStillWaitingWhenTheTargetIsRevokedDoesNotRun() {
        replies.addAll(ScriptedRunner.outcomes(Outcome.CONNECTION_ERROR));
        run(target("a", Duration.ofSeconds(5)).withConfirmAfter(Duration.ofSeconds(2)), Duration.ofMillis(100));
        time.advanceTimeBy(Duration.ofSeconds(1));
        assertThat(started).hasSize(1);

        own();
        time.advanceTimeBy(Duration.ofSeconds(30));

        assertThat(started).hasSize(1);
        assertThat(results).hasSize(1);
    }

    /** Milliseconds since the first instant: the first probe's jitter taken out. */
    private static List<Long> sinceFirst(List<Instant> instants) {
        return instants.stream().map(at -> at.toEpochMilli() - instants.get(0).toEpochMilli()).toList();
    }

    private void run(TargetConfig target, Duration probeTakes) {
        run(List.of(target), probeTakes);
    }

    private void run(List<TargetConfig> targets, Duration probeTakes) {
        subscription = scheduler(targets, probeTakes).run(ownsAll(targets.stream().map(TargetConfig::id).toList()),
                stop.asMono()).subscribe(results::add);
    }

    private Flux<Set<String>> ownsAll(List<String> ids) {
        owned.tryEmitNext(Set.copyOf(ids));
        return owned.asFlux();
    }

    private void own(String... ids) {
        owned.tryEmitNext(Set.of(ids));
    }

    private ProbeScheduler scheduler(List<TargetConfig> targets, Duration probeTakes) {
        runner = new ScriptedRunner(time, probeTakes, replies);
        started = runner.started;
        return new ProbeScheduler(targets, runner, metrics, time, RandomGenerator.of("L64X128MixRandom"));
    }

    private static TargetConfig target(String id, Duration interval) {
        TargetConfig base = Targets.withInterval(Targets.target("http://127.0.0.1:1/v1", "m", CheckType.CHAT), interval);
        return new TargetConfig(id, base.provider(), base.baseUrl(), base.apiKey(), base.model(), base.check(),
                base.interval(), base.timeout(), base.maxTokens(), base.prompt(), base.expect());
    }
}
