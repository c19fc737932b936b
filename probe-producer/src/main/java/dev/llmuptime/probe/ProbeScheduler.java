package dev.llmuptime.probe;

import dev.llmuptime.config.TargetConfig;
import dev.llmuptime.schema.Outcomes;
import dev.llmuptime.schema.ProbeReasons;
import dev.llmuptime.schema.ProbeResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Runs every target on its own fixed-rate clock: the first probe at start (plus a jitter,
 * so many targets do not fire at once), then one per interval with no drift. Probes of one target
 * never overlap. A tick that comes while the target's previous probe still runs waits for it to
 * end, so a probe that times out after a whole interval (a hanging provider, with {@code timeout}
 * equal to {@code interval}) is followed at once by the next, not an interval later. At most one
 * tick waits: when another comes, the waiting one is skipped and counted, never queued.
 *
 * <p>A probe whose outcome counts against uptime is confirmed once, {@code confirm-after} later
 * (unless that is zero), by an extra probe marked {@code confirm}; a failed confirmation is not
 * confirmed again. The next tick waits for the confirmation like for any probe in flight.
 *
 * <p>Only owned targets run. A target's clock starts when it becomes owned and stops when it no
 * longer is; its probe in flight then finishes, and a target owned again restarts only after it.
 */
final class ProbeScheduler {

    /**
     * Jitter of the first probe: up to the whole interval, at most a second. Thousands of targets on a
     * one-second cadence spread over a tenth of it started in bursts the prober could not keep up with.
     */
    private static final Duration MAX_JITTER = Duration.ofSeconds(1);

    private final List<TargetConfig> targets;
    private final ProbeRunner runner;
    private final ProbeMetrics metrics;
    private final Scheduler timer;
    private final RandomGenerator random;

    ProbeScheduler(List<TargetConfig> targets, ProbeRunner runner, ProbeMetrics metrics, Scheduler timer,
            RandomGenerator random) {
        this.targets = List.copyOf(targets);
        this.runner = runner;
        this.metrics = metrics;
        this.timer = timer;
        this.random = random;
    }

    /**
     * Results of the targets named in the latest set of {@code owned}, until {@code stop} emits;
     * probes in flight then finish first.
     */
    Flux<ProbeResult> run(Flux<Set<String>> owned, Mono<?> stop) {
        // Replayed: a target subscribes again each time it is owned, and needs the latest set at once.
        Flux<Set<String>> latest = owned.takeUntilOther(stop).replay(1).autoConnect();
        // Every target is subscribed at once: Flux.merge would stop at 256 endless sources.
        return Flux.fromIterable(targets)
                .flatMap(target -> whileOwned(target, latest), Math.max(1, targets.size()))
                .doOnNext(metrics::probed);
    }

    private Flux<ProbeResult> whileOwned(TargetConfig target, Flux<Set<String>> latest) {
        Flux<Boolean> mine = latest.map(ids -> ids.contains(target.id())).distinctUntilChanged();
        // concatMap: a new schedule starts only after the last one's probe in flight ended.
        return mine.filter(Boolean::booleanValue)
                .concatMap(gained -> schedule(target, mine.filter(ownedNow -> !ownedNow).next()), 1);
    }

    /** Probes {@code target} on its clock until {@code stop} emits or completes. */
    Flux<ProbeResult> schedule(TargetConfig target, Mono<?> stop) {
        return Flux.defer(() -> {
            long interval = target.interval().toMillis();
            long offset = random.nextLong(Math.max(1, Math.min(interval, MAX_JITTER.toMillis())));
            long base = timer.now(TimeUnit.MILLISECONDS);
            return Flux.interval(Duration.ofMillis(offset), target.interval(), timer)
                    .onBackpressureBuffer(1, skipped -> metrics.skippedTick(target), BufferOverflowStrategy.DROP_OLDEST)
                    // After the buffer: on stop, the waiting tick is dropped rather than probed.
                    .takeUntilOther(stop)
                    // One probe at a time; the next tick is requested only when it ends.
                    .flatMap(tick -> {
                        Instant scheduledAt = Instant.ofEpochMilli(base + offset + tick * interval);
                        metrics.schedulingLag(Duration.ofMillis(timer.now(TimeUnit.MILLISECONDS)
                                - scheduledAt.toEpochMilli()));
                        return runner.probe(target, scheduledAt)
                                .flatMapMany(result -> Flux.just(result).concatWith(confirmation(target, result, stop)));
                    }, 1);
        });
    }

    /** One extra probe {@code confirm-after} after a failure that counts against uptime; none once stopped. */
    private Mono<ProbeResult> confirmation(TargetConfig target, ProbeResult result, Mono<?> stop) {
        if (target.confirmAfter().isZero() || !Outcomes.countsAgainstUptime(result.getOutcome())) {
            return Mono.empty();
        }
        return Mono.delay(target.confirmAfter(), timer)
                .takeUntilOther(stop)
                .flatMap(tick -> runner.probe(target, Instant.ofEpochMilli(timer.now(TimeUnit.MILLISECONDS))))
                // The runner's own new record, so marking it in place changes nothing anyone else holds.
                .doOnNext(confirmed -> confirmed.setReason(ProbeReasons.CONFIRM));
    }
}
