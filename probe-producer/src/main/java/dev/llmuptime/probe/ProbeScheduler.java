package dev.llmuptime.probe;

import dev.llmuptime.config.TargetConfig;
import dev.llmuptime.schema.ProbeResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Runs every target on its own {@link Cadence}: the first probe at start (plus a jitter of up to the
 * interval, at most a second, so many targets do not fire at once), then one per interval slot with no drift, with extra probes
 * while the target fails and longer waits when the provider asks for them or the monitor's own
 * side keeps failing. Probes of one target never overlap: a slot that passes while the previous
 * probe still runs waits for it to end, so a probe that times out after a whole interval is
 * followed at once by the next. At most one slot waits; older ones are skipped and counted.
 *
 * <p>Each result says why it ran ({@code reason}: null for a scheduled slot) and, when the
 * target's next probe waits longer than its cadence, why and until when ({@code backoffReason},
 * {@code backoffUntil}).
 *
 * <p>Only owned targets run. A target's clock starts when it becomes owned and stops when it no
 * longer is; its probe in flight then finishes, and a target owned again restarts only after it.
 * The group hands a target to another prober only once that probe has ended (see {@link Handover}).
 */
final class ProbeScheduler {

    /**
     * Jitter of the first probe: up to the whole interval, at most a second. Thousands of targets on a
     * one-second cadence spread over a tenth of it started in bursts the prober could not keep up with.
     */
    private static final Duration MAX_JITTER = Duration.ofSeconds(1);

    /** Beyond its timeout a probe still takes a moment to be classified and handed on. */
    private static final Duration HANDOVER_MARGIN = Duration.ofSeconds(5);

    private final List<TargetConfig> targets;
    private final ProbeRunner runner;
    private final ProbeMetrics metrics;
    private final Scheduler timer;
    private final RandomGenerator random;
    private final Handover handover;

    ProbeScheduler(List<TargetConfig> targets, ProbeRunner runner, ProbeMetrics metrics, Scheduler timer,
            RandomGenerator random) {
        this.targets = List.copyOf(targets);
        this.runner = runner;
        this.metrics = metrics;
        this.timer = timer;
        this.random = random;
        Duration longestTimeout = targets.stream().map(TargetConfig::timeout).max(Duration::compareTo)
                .orElse(Duration.ZERO);
        this.handover = new Handover(longestTimeout.plus(HANDOVER_MARGIN));
    }

    /** How the group membership gives targets up without two probers probing one target at once. */
    Handover handover() {
        return handover;
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

    /** Probes {@code target} on its cadence until {@code stop} emits or completes. */
    Flux<ProbeResult> schedule(TargetConfig target, Mono<?> stop) {
        return Flux.defer(() -> {
            long interval = target.interval().toMillis();
            long offset = random.nextLong(Math.max(1, Math.min(interval, MAX_JITTER.toMillis())));
            return probe(target, Cadence.first(target, now() + offset), stop)
                    // Each probe plans the next; none is planned once stopped, so the chain ends.
                    .expand(probed -> probe(target, probed.next(), stop))
                    .map(Probed::result);
        });
    }

    /** Waits until {@code plan} is due, unless stopped first, then probes and plans the next probe. */
    private Mono<Probed> probe(TargetConfig target, NextProbe plan, Mono<?> stop) {
        return Mono.delay(Duration.ofMillis(Math.max(0, plan.at() - now())), timer)
                // The wait is cut by stop; the probe in flight is not.
                .takeUntilOther(stop)
                .flatMap(tick -> {
                    if (!handover.begin(target.id())) {
                        // Given up to another prober between the wait and now.
                        return Mono.empty();
                    }
                    metrics.schedulingLag(Duration.ofMillis(now() - plan.scheduledAt()));
                    return runner.probe(target, Instant.ofEpochMilli(plan.scheduledAt()))
                            .doFinally(signal -> handover.end(target.id()));
                })
                .map(result -> {
                    NextProbe next = plan.cadence().after(result, now());
                    // The runner's own new record, so marking it in place changes nothing anyone else holds.
                    result.setReason(plan.reason());
                    result.setBackoffReason(next.backoffReason());
                    result.setBackoffUntil(next.backoffReason() == null ? null : Instant.ofEpochMilli(next.at()));
                    metrics.skippedTicks(target, next.skippedSlots());
                    metrics.backoff(target, next.backoffReason());
                    return new Probed(result, next);
                });
    }

    private long now() {
        return timer.now(TimeUnit.MILLISECONDS);
    }

    /** A probe's result and the probe it planned next. */
    private record Probed(ProbeResult result, NextProbe next) {
    }
}
