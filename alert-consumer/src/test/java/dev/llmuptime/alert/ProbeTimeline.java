package dev.llmuptime.alert;

import dev.llmuptime.schema.AlertEvent;
import dev.llmuptime.schema.AlertStatus;
import dev.llmuptime.schema.Outcome;
import dev.llmuptime.schema.WindowStats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One target probed at a fixed interval, its stats fed to a {@link RuleEngine} with the probe's time
 * as now, and the timer ticked after each probe: hours of probes in milliseconds, every event kept
 * with when it happened, and every stats record kept for a restart.
 */
final class ProbeTimeline {

    /** What one probe at {@code at} (ms since the timeline began) answers. */
    interface Answers {
        Probe at(long at);
    }

    record Probe(Outcome outcome, double latencyMs) {

        static Probe ok(double latencyMs) {
            return new Probe(Outcome.SUCCESS, latencyMs);
        }

        static Probe failed() {
            return new Probe(Outcome.SERVER_ERROR, 0);
        }
    }

    record Timed(long at, AlertEvent event) {

        String rule() {
            return event.getRule();
        }

        AlertStatus status() {
            return event.getStatus();
        }
    }

    private RuleEngine engine;
    private final List<WindowStats> emitted = new ArrayList<>();
    private final ProbeStats stats;
    private final long begin = StatsFixtures.T0.toEpochMilli();
    private final Duration interval;
    private final List<Timed> events = new ArrayList<>();
    private long elapsed;

    ProbeTimeline(RuleEngine engine, Duration interval) {
        this(engine, interval, new ProbeStats("a"));
    }

    /** The same, its stats made as records of a release that did not carry the latest probes' latencies. */
    static ProbeTimeline ofOlderRecords(RuleEngine engine, Duration interval) {
        return new ProbeTimeline(engine, interval, new ProbeStats("a", false));
    }

    private ProbeTimeline(RuleEngine engine, Duration interval, ProbeStats stats) {
        this.engine = engine;
        this.interval = interval;
        this.stats = stats;
    }

    /** Probes for {@code length} more; returns the events of that stretch. */
    List<Timed> run(Duration length, Answers answers) {
        int before = events.size();
        for (long end = elapsed + length.toMillis(); elapsed < end; elapsed += interval.toMillis()) {
            long now = begin + elapsed;
            Probe probe = answers.at(elapsed);
            for (WindowStats window : stats.probe(now, probe.outcome(), probe.latencyMs())) {
                emitted.add(window);
                engine.onStats(window, now).forEach(event -> events.add(new Timed(elapsed, event)));
            }
            engine.onTick(now).forEach(event -> events.add(new Timed(elapsed, event)));
        }
        return List.copyOf(events.subList(before, events.size()));
    }

    /**
     * Hands the target to {@code restarted}, which first reads back the stats of its history lookback,
     * as the evaluator does from the stats topic after a restart.
     */
    void restart(RuleEngine restarted) {
        long from = begin + elapsed - restarted.historyLookback();
        emitted.stream().filter(window -> window.getEmittedAt().toEpochMilli() >= from).forEach(restarted::remember);
        engine = restarted;
    }

    /** Time since the timeline began, in ms. */
    long elapsed() {
        return elapsed;
    }

    List<Timed> events() {
        return List.copyOf(events);
    }
}
