package dev.llmuptime.alert;

import dev.llmuptime.alert.AlertState.Status;
import dev.llmuptime.schema.AlertEvent;
import dev.llmuptime.schema.AlertStatus;
import dev.llmuptime.schema.Outcome;
import dev.llmuptime.schema.WindowStats;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides when alerts fire and resolve, per (rule, target), with hysteresis: a rule fires only
 * with at least {@code min-samples} probes in what it reads (the current window, or for counts the
 * trailing window-length, see {@link TrailingWindow}) and once its condition has held for
 * {@code for}; it resolves once {@code resolve-when} (or, without it, the condition being false)
 * has held for {@code keep-firing-for}. Not thread-safe; time comes from the caller.
 */
final class RuleEngine {

    private static final char SEPARATOR = '\u0000';

    private final Map<String, Rule> rules = new LinkedHashMap<>();
    private final Map<String, AlertState> states = new HashMap<>();
    private final Map<String, Long> lastSeen = new HashMap<>();
    private final Map<String, AlertState> changedStates = new HashMap<>();
    private final Map<String, Long> changedSeen = new HashMap<>();
    private final RecentWindows recentWindows = new RecentWindows();

    RuleEngine(List<Rule> rules) {
        rules.forEach(rule -> this.rules.put(rule.name(), rule));
    }

    /** Restores a state read back from the state topic. */
    void restore(String key, AlertState state) {
        if (state == null) {
            states.remove(key);
        } else {
            states.put(key, state);
        }
    }

    void restoreSeen(String targetId, long at) {
        lastSeen.put(targetId, at);
    }

    /** Evaluates every rule that reads this stats record; returns the transitions. */
    List<AlertEvent> onStats(WindowStats stats, long now) {
        List<AlertEvent> events = new ArrayList<>();
        String target = stats.getTargetId();
        lastSeen.put(target, now);
        changedSeen.put(target, now);
        boolean current = stats.getRegion().equals("*") && recentWindows.offer(stats);
        for (Rule rule : rules.values()) {
            if (!rule.appliesTo(target)) {
                continue;
            }
            if (rule.kind() == Rule.Kind.NO_DATA) {
                AlertState state = states.get(key(rule, target));
                if (state != null && state.status() == Status.FIRING) {
                    events.add(resolve(rule, target, state, now, (double) 0, now));
                }
            } else if (current && stats.getWindowSize() == rule.window().toMillis()) {
                evaluate(rule, stats, now, events);
            }
        }
        return events;
    }

    /** Advances the timers: {@code for}, {@code keep-firing-for} and no-data. */
    List<AlertEvent> onTick(long now) {
        List<AlertEvent> events = new ArrayList<>();
        for (Map.Entry<String, AlertState> entry : new ArrayList<>(states.entrySet())) {
            Rule rule = rules.get(entry.getKey().substring(0, entry.getKey().indexOf(SEPARATOR)));
            String target = entry.getKey().substring(entry.getKey().indexOf(SEPARATOR) + 1);
            AlertState state = entry.getValue();
            if (rule == null) {
                put(entry.getKey(), null);
            } else if (state.status() == Status.PENDING && now - state.since() >= rule.forDuration().toMillis()) {
                events.add(fire(rule, target, state, now));
            } else if (state.status() == Status.RESOLVING && now - state.since() >= rule.keepFiringFor().toMillis()) {
                events.add(resolve(rule, target, state, state.since(), state.value(), now));
            }
        }
        for (Rule rule : rules.values()) {
            if (rule.kind() != Rule.Kind.NO_DATA) {
                continue;
            }
            for (Map.Entry<String, Long> seen : lastSeen.entrySet()) {
                String target = seen.getKey();
                long silentFor = now - seen.getValue();
                if (rule.appliesTo(target) && silentFor >= rule.forDuration().toMillis()
                        && !states.containsKey(key(rule, target))) {
                    AlertState silent = new AlertState(Status.PENDING, seen.getValue(), null, seen.getValue(), null, null,
                            silentFor / 1000.0, (double) rule.forDuration().toSeconds(), null, null);
                    events.add(fire(rule, target, silent, now));
                }
            }
        }
        return events;
    }

    /** States changed since the last call (null: back to inactive), for the state topic. */
    Map<String, AlertState> drainChangedStates() {
        Map<String, AlertState> changed = new HashMap<>(changedStates);
        changedStates.clear();
        return changed;
    }

    Map<String, Long> drainChangedSeen() {
        Map<String, Long> changed = new HashMap<>(changedSeen);
        changedSeen.clear();
        return changed;
    }

    /** Evaluates one rule on the current window's {@code stats}, or for counts the trailing window-length. */
    private void evaluate(Rule rule, WindowStats stats, long now, List<AlertEvent> events) {
        boolean problem;
        boolean recovered;
        Double value;
        Double threshold;
        if (rule.kind() == Rule.Kind.MISCONFIGURED) {
            problem = isMonitorSide(stats.getLastOutcome());
            recovered = !problem;
            value = null;
            threshold = null;
        } else {
            WindowStats read = readBy(rule.condition(), stats);
            boolean enoughSamples = read.getCount() >= rule.minSamples();
            boolean holds = rule.condition().holds(read);
            problem = enoughSamples && holds;
            recovered = rule.resolveWhen() != null
                    ? rule.resolveWhen().holds(readBy(rule.resolveWhen(), stats))
                    : enoughSamples && !holds;
            value = rule.condition().value(read);
            threshold = rule.condition().threshold();
        }
        String key = key(rule, stats.getTargetId());
        AlertState state = states.get(key);
        if (state == null) {
            if (problem) {
                AlertState pending = snapshot(new AlertState(Status.PENDING, now, null, now, null, null, null, null, null,
                        null), stats, value, threshold);
                put(key, pending);
                if (rule.forDuration().isZero()) {
                    events.add(fire(rule, stats.getTargetId(), pending, now));
                }
            }
            return;
        }
        switch (state.status()) {
            case PENDING -> {
                if (!problem) {
                    put(key, null);
                } else {
                    AlertState updated = snapshot(state, stats, value, threshold);
                    put(key, updated);
                    if (now - updated.since() >= rule.forDuration().toMillis()) {
                        events.add(fire(rule, stats.getTargetId(), updated, now));
                    }
                }
            }
            case FIRING -> {
                AlertState updated = problem ? snapshot(state, stats, value, threshold) : state;
                if (recovered) {
                    AlertState resolving = snapshot(updated, stats, value, threshold).with(Status.RESOLVING, now);
                    put(key, resolving);
                    if (rule.keepFiringFor().isZero()) {
                        events.add(resolve(rule, stats.getTargetId(), resolving, now, value, now));
                    }
                } else {
                    put(key, updated);
                }
            }
            case RESOLVING -> {
                if (!recovered) {
                    // The resolution must hold without a break for keep-firing-for.
                    put(key, snapshot(state, stats, value, threshold).with(Status.FIRING, state.startsAt()));
                } else if (now - state.since() >= rule.keepFiringFor().toMillis()) {
                    events.add(resolve(rule, stats.getTargetId(), state, state.since(), value, now));
                }
            }
        }
    }

    /** What a condition reads: the trailing window-length for counts, built only then; else the window. */
    private WindowStats readBy(Condition condition, WindowStats stats) {
        return condition.metric().countBased() ? TrailingWindow.of(stats, recentWindows.before(stats)) : stats;
    }

    private AlertEvent fire(Rule rule, String target, AlertState pending, long now) {
        String alertId = rule.name() + ":" + target + ":" + pending.since();
        AlertState firing = new AlertState(Status.FIRING, pending.since(), alertId, pending.since(), pending.provider(),
                pending.model(), pending.value(), pending.threshold(), pending.windowStart(), pending.windowEnd());
        put(key(rule, target), firing);
        return event(rule, target, firing, AlertStatus.FIRING, null, firing.value(), now);
    }

    private AlertEvent resolve(Rule rule, String target, AlertState state, long endsAt, Double value, long now) {
        put(key(rule, target), null);
        return event(rule, target, state, AlertStatus.RESOLVED, endsAt, value, now);
    }

    private AlertEvent event(Rule rule, String target, AlertState state, AlertStatus status, Long endsAt, Double value,
            long now) {
        return AlertEvent.newBuilder()
                .setAlertId(state.alertId())
                .setRule(rule.name())
                .setSeverity(rule.severity())
                .setStatus(status)
                .setTargetId(target)
                .setProvider(state.provider())
                .setModel(state.model())
                .setMetric(rule.metricName())
                .setValue(value)
                .setThreshold(state.threshold())
                .setWindowStart(state.windowStart() == null ? null : Instant.ofEpochMilli(state.windowStart()))
                .setWindowEnd(state.windowEnd() == null ? null : Instant.ofEpochMilli(state.windowEnd()))
                .setStartsAt(Instant.ofEpochMilli(state.startsAt()))
                .setEndsAt(endsAt == null ? null : Instant.ofEpochMilli(endsAt))
                .setSummary(Summaries.of(rule, target, state.model(), status, value))
                .setEmittedAt(Instant.ofEpochMilli(now))
                .build();
    }

    private static AlertState snapshot(AlertState state, WindowStats stats, Double value, Double threshold) {
        return new AlertState(state.status(), state.since(), state.alertId(), state.startsAt(), stats.getProvider(),
                stats.getModel(), value, threshold, stats.getWindowStart().toEpochMilli(),
                stats.getWindowEnd().toEpochMilli());
    }

    private void put(String key, AlertState state) {
        if (state == null) {
            states.remove(key);
        } else {
            states.put(key, state);
        }
        changedStates.put(key, state);
    }

    static String key(Rule rule, String target) {
        return rule.name() + SEPARATOR + target;
    }

    private static boolean isMonitorSide(Outcome outcome) {
        return outcome == Outcome.AUTH_ERROR || outcome == Outcome.CLIENT_ERROR;
    }
}
