package dev.llmuptime.alert;

import dev.llmuptime.schema.AlertEvent;
import dev.llmuptime.schema.AlertStatus;
import dev.llmuptime.schema.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One target probed at a fixed interval, its stats fed to a {@link RuleEngine} with the probe's time
 * as now, and the timer ticked after each probe: hours of probes in milliseconds, every event kept
 * with when it happened.
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

    private final RuleEngine engine;
    private final ProbeStats stats = new ProbeStats("a");
    private final long begin = StatsFixtures.T0.toEpochMilli();
    private final Duration interval;
    private final List<Timed> events = new ArrayList<>();
    private long elapsed;

    ProbeTimeline(RuleEngine engine, Duration interval) {
        this.engine = engine;
        this.interval = interval;
    }

    /** Probes for {@code length} more; returns the events of that stretch. */
    List<Timed> run(Duration length, Answers answers) {
        int before = events.size();
        for (long end = elapsed + length.toMillis(); elapsed < end; elapsed += interval.toMillis()) {
            long now = begin + elapsed;
            Probe probe = answers.at(elapsed);
            stats.probe(now, probe.outcome(), probe.latencyMs())
                    .forEach(window -> engine.onStats(window, now).forEach(event -> events.add(new Timed(elapsed, event))));
            engine.onTick(now).forEach(event -> events.add(new Timed(elapsed, event)));
        }
        return List.copyOf(events.subList(before, events.size()));
    }

    /** Time since the timeline began, in ms. */
    long elapsed() {
        return elapsed;
    }

    List<Timed> events() {
        return List.copyOf(events);
    }
}
