package dev.llmuptime.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmuptime.config.CheckType;
import dev.llmuptime.config.TargetConfig;
import dev.llmuptime.probe.ScriptedRunner.Reply;
import dev.llmuptime.schema.BackoffReasons;
import dev.llmuptime.schema.Outcome;
import dev.llmuptime.schema.ProbeReasons;
import dev.llmuptime.schema.ProbeResult;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.test.scheduler.VirtualTimeScheduler;

/** Waits the provider asks for, and the breaker's, through the scheduler in virtual time. */
class ProbeSchedulerBackoffTest {

    private final VirtualTimeScheduler time = VirtualTimeScheduler.create();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Queue<Reply> replies = new ConcurrentLinkedQueue<>();
    private final ScriptedRunner runner = new ScriptedRunner(time, Duration.ofMillis(100), replies);
    private final List<ProbeResult> results = new CopyOnWriteArrayList<>();
    private Disposable subscription;

    @AfterEach
    void dispose() {
        subscription.dispose();
        time.dispose();
    }

    @Test
    void aRetryAfterSkipsTheSlotsItCoversAndTheResultSaysUntilWhen() {
        replies.add(Reply.waiting(Outcome.RATE_LIMITED, BackoffReasons.RETRY_AFTER, Duration.ofSeconds(12)));
        schedule(target());

        time.advanceTimeBy(Duration.ofSeconds(22));

        // The wait ends 12.1 s in: the slot at 10 s runs then; its success, a recovery, is confirmed.
        assertThat(sinceFirst()).containsExactly(0L, 12_100L, 13_200L, 15_000L, 20_000L);
        assertThat(results.get(0).getBackoffReason()).isEqualTo(BackoffReasons.RETRY_AFTER);
        assertThat(results.get(0).getBackoffUntil()).isEqualTo(runner.started.get(1));
        assertThat(results.get(1).getReason()).as("the probe after the wait is scheduled").isNull();
        assertThat(results.get(1).getBackoffReason()).isNull();
        assertThat(results.get(1).getBackoffUntil()).isNull();
    }

    @Test
    void theBackoffGaugeReadsOneWhileTheTargetWaits() {
        replies.add(Reply.waiting(Outcome.RATE_LIMITED, BackoffReasons.RETRY_AFTER, Duration.ofSeconds(12)));
        schedule(target());

        time.advanceTimeBy(Duration.ofSeconds(2));
        assertThat(backoffGauge(BackoffReasons.RETRY_AFTER)).isEqualTo(1);

        time.advanceTimeBy(Duration.ofSeconds(15));
        assertThat(backoffGauge(BackoffReasons.RETRY_AFTER)).isZero();
    }

    @Test
    void aRateLimitResetWithNoRequestsLeftDelaysTheNextProbeAfterASuccess() {
        replies.add(Reply.waiting(Outcome.SUCCESS, BackoffReasons.RATE_LIMIT_RESET, Duration.ofSeconds(6)));
        schedule(target());

        time.advanceTimeBy(Duration.ofSeconds(12));

        // The slot at 5 s runs when the reset comes, 6.1 s in.
        assertThat(sinceFirst()).containsExactly(0L, 6_100L, 10_000L);
        assertThat(results.get(0).getBackoffReason()).isEqualTo(BackoffReasons.RATE_LIMIT_RESET);
        assertThat(results.get(0).getBackoffUntil()).isEqualTo(runner.started.get(1));
    }

    @Test
    void maxBackoffCapsAnHourLongRetryAfter() {
        replies.add(Reply.waiting(Outcome.RATE_LIMITED, BackoffReasons.RETRY_AFTER, Duration.ofHours(1)));
        schedule(target().withMaxBackoff(Duration.ofSeconds(30)));

        time.advanceTimeBy(Duration.ofSeconds(36));

        // 0.1 s + 30 s: the slot at 30 s runs then; its success, a recovery, is confirmed.
        assertThat(sinceFirst()).containsExactly(0L, 30_100L, 31_200L, 35_000L);
    }

    @Test
    void aRetryAfterWithinTheIntervalDelaysTheConfirmationUntilItEnds() {
        replies.add(Reply.waiting(Outcome.RATE_LIMITED, BackoffReasons.RETRY_AFTER, Duration.ofSeconds(2)));
        schedule(target());

        time.advanceTimeBy(Duration.ofSeconds(6));

        // Confirmed when the wait ends (0.1 s + 2 s, not 1 s after the answer); that success is confirmed a second later.
        assertThat(sinceFirst()).containsExactly(0L, 2_100L, 3_200L, 5_000L);
        assertThat(results.get(0).getBackoffReason()).isEqualTo(BackoffReasons.RETRY_AFTER);
        assertThat(results.get(1).getReason()).isEqualTo(ProbeReasons.CONFIRM);
    }

    @Test
    void theBreakerDoublesTheWaitAfterEachFailureOnTheMonitorsSideUpToItsCapAndASuccessClosesIt() {
        replies.addAll(ScriptedRunner.outcomes(Outcome.AUTH_ERROR, Outcome.AUTH_ERROR, Outcome.CLIENT_ERROR,
                Outcome.AUTH_ERROR, Outcome.SUCCESS));
        schedule(target().withBreakerMaxInterval(Duration.ofSeconds(30)));

        time.advanceTimeBy(Duration.ofSeconds(60).plusMillis(50));
        assertThat(backoffGauge(BackoffReasons.BREAKER)).as("while the breaker is open").isEqualTo(1);
        time.advanceTimeBy(Duration.ofSeconds(41));

        // Waits of 10, 20, then 30 s (the cap) twice; one probe tests the breaker each time, then the slots run.
        assertThat(sinceFirst()).containsExactly(0L, 10_000L, 30_000L, 60_000L, 90_000L, 95_000L, 100_000L);
        assertThat(results).extracting(ProbeResult::getBackoffReason).containsExactly(BackoffReasons.BREAKER,
                BackoffReasons.BREAKER, BackoffReasons.BREAKER, BackoffReasons.BREAKER, null, null, null);
        for (int i = 0; i < 4; i++) {
            assertThat(results.get(i).getBackoffUntil()).isEqualTo(runner.started.get(i + 1));
        }
        assertThat(results).extracting(ProbeResult::getReason).containsOnlyNulls();
        assertThat(backoffGauge(BackoffReasons.BREAKER)).isZero();
        assertThat(runner.maxRunning.get()).isEqualTo(1);
    }

    private double backoffGauge(String reason) {
        return registry.get("llm.probe.backoff").tag("target", "a").tag("reason", reason).gauge().value();
    }

    private List<Long> sinceFirst() {
        Instant first = runner.started.get(0);
        return runner.started.stream().map(at -> at.toEpochMilli() - first.toEpochMilli()).toList();
    }

    private void schedule(TargetConfig target) {
        ProbeScheduler scheduler = new ProbeScheduler(List.of(target), runner, new ProbeMetrics(registry), time,
                RandomGenerator.of("L64X128MixRandom"));
        subscription = scheduler.schedule(target, Mono.never()).subscribe(results::add);
    }

    private static TargetConfig target() {
        TargetConfig base = Targets.withInterval(Targets.target("http://127.0.0.1:1/v1", "m", CheckType.CHAT),
                Duration.ofSeconds(5));
        return new TargetConfig("a", base.provider(), base.baseUrl(), base.apiKey(), base.model(), base.check(),
                base.interval(), base.timeout(), base.maxTokens(), base.prompt(), base.expect());
    }
}
