package dev.llmuptime.probe;

import dev.llmuptime.config.TargetConfig;
import dev.llmuptime.schema.Outcome;
import dev.llmuptime.schema.ProbeResult;
import dev.llmuptime.testkit.ProbeResults;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import reactor.core.publisher.Mono;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * A probe runner in virtual time: each probe takes a fixed time and answers the next scripted
 * reply (a success once they run out), recording when probes start and how many overlap.
 */
final class ScriptedRunner implements ProbeRunner {

    /** What one probe answers: an outcome and, optionally, a wait the provider asks for. */
    record Reply(Outcome outcome, String backoffReason, Duration asksToWait) {

        static Reply of(Outcome outcome) {
            return new Reply(outcome, null, null);
        }

        static Reply waiting(Outcome outcome, String backoffReason, Duration wait) {
            return new Reply(outcome, backoffReason, wait);
        }
    }

    final List<Instant> started = new CopyOnWriteArrayList<>();
    final AtomicInteger maxRunning = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();
    private final VirtualTimeScheduler time;
    private final Duration probeTakes;
    private final Queue<Reply> replies;

    /** Probes that take {@code probeTakes} and answer from {@code replies}, which a test may add to at any time. */
    ScriptedRunner(VirtualTimeScheduler time, Duration probeTakes, Queue<Reply> replies) {
        this.time = time;
        this.probeTakes = probeTakes;
        this.replies = replies;
    }

    /** Replies with these outcomes and no waits. */
    static List<Reply> outcomes(Outcome... outcomes) {
        return Stream.of(outcomes).map(Reply::of).toList();
    }

    @Override
    public Mono<ProbeResult> probe(TargetConfig target, Instant scheduledAt) {
        return Mono.defer(() -> {
            Instant now = Instant.ofEpochMilli(time.now(TimeUnit.MILLISECONDS));
            started.add(now);
            maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
            Reply reply = Objects.requireNonNullElse(replies.poll(), Reply.of(Outcome.SUCCESS));
            return Mono.delay(probeTakes, time).map(tick -> result(target, scheduledAt, now, reply))
                    // Before the completion goes downstream, where the next probe may start at once.
                    .doOnTerminate(running::decrementAndGet);
        });
    }

    private ProbeResult result(TargetConfig target, Instant scheduledAt, Instant startedAt, Reply reply) {
        ProbeResult result = ProbeResults.of(target.id(), startedAt, reply.outcome()).setScheduledAt(scheduledAt).build();
        if (reply.asksToWait() != null) {
            // As the prober does: the provider's ask, counted from when its answer came.
            result.setBackoffReason(reply.backoffReason());
            result.setBackoffUntil(Instant.ofEpochMilli(time.now(TimeUnit.MILLISECONDS)).plus(reply.asksToWait()));
        }
        return result;
    }
}
