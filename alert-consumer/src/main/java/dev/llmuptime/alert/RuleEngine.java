package dev.llmuptime.alert;

import dev.llmuptime.alert.AlertState.Status;
import dev.llmuptime.schema.AlertEvent;
import dev.llmuptime.schema.AlertStatus;
import dev.llmuptime.schema.WindowStats;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Decides when alerts fire and resolve, per (rule, target), with hysteresis: a rule fires only
 * with at least {@code min-samples} probes in what it reads (the current window, or for counts the
 * trailing window-length, see {@link TrailingWindow}) and once its condition has held for
 * {@code for}; it resolves once {@code resolve-when} (or, without it, the condition being false)
 * has held for {@code keep-firing-for}. Not thread-safe; time comes from the caller.
 */
final class RuleEngine {

    private final Map<String, Rule> rules = new LinkedHashMap<>();
    private final Map<RuleTargetKey, AlertState> states = new HashMap<>();
    private final Map<String, Long> lastSeen = new HashMap<>();
    private final Map<RuleTargetKey, AlertState> changedStates = new HashMap<>();
    private final Map<String, Long> changedSeen = new HashMap<>();
    private final RecentWindows recentWindows = new RecentWindows();
    private final WindowHistory history;

    RuleEngine(List<Rule> rules) {
        rules.forEach(rule -> this.rules.put(rule.name(), rule));
        history = new WindowHistory(rules.stream().filter(WindowRule.class::isInstance)
                .flatMap(rule -> ((WindowRule) rule).historyNeeds().stream()).toList());
    }

    /**
     * How far back, in ms, the stats the rules read may begin: what a restore reads again. At least two
     * of the longest window, so the trailing views have the window before the current one too.
     */
    long historyLookback() {
        long longestWindow = rules.values().stream().filter(WindowRule.class::isInstance)
                .mapToLong(rule -> ((WindowRule) rule).window().toMillis()).max().orElse(0);
        return Math.max(history.lookback(), 2 * longestWindow);
    }

    /** Takes in a stats record read back from the stats topic, as history only: it decides nothing. */
    void remember(WindowStats stats) {
        if (stats.getRegion().equals("*")) {
            recentWindows.offer(stats);
            history.offer(stats);
        }
    }

    /** Restores a state read back from the state topic. */
    void restore(RuleTargetKey key, AlertState state) {
        if (state == null) {
            states.remove(key);
        } else {
            states.put(key, state);
        }
    }

    void restoreSeen(String targetId, long at) {
        lastSeen.put(targetId, at);
    }

    /** Forgets the states and sightings of the targets {@code gone} accepts: another instance decides them now. */
    void forget(Predicate<String> gone) {
        states.keySet().removeIf(key -> gone.test(key.targetId()));
        changedStates.keySet().removeIf(key -> gone.test(key.targetId()));
        lastSeen.keySet().removeIf(gone);
        changedSeen.keySet().removeIf(gone);
        recentWindows.forget(gone);
        history.forget(gone);
    }

    /** Evaluates every rule that reads this stats record; returns the transitions. */
    List<AlertEvent> onStats(WindowStats stats, long now) {
        List<AlertEvent> events = new ArrayList<>();
        String target = stats.getTargetId();
        lastSeen.put(target, now);
        changedSeen.put(target, now);
        boolean current = stats.getRegion().equals("*") && recentWindows.offer(stats);
        if (stats.getRegion().equals("*")) {
            history.offer(stats);
        }
        StatsUpdate update = current ? new StatsUpdate(stats, recentWindows.before(stats), history) : null;
        for (Rule rule : rules.values()) {
            if (!rule.appliesTo(target)) {
                continue;
            }
            if (rule instanceof NoDataRule) {
                AlertState state = states.get(key(rule, target));
                if (state != null && state.status() == Status.FIRING) {
                    events.add(resolve(rule, target, state, now, (double) 0, now));
                }
            } else if (update != null && rule instanceof WindowRule windowRule && windowRule.reads(stats)) {
                decide(windowRule, update, now, events);
            }
        }
        return events;
    }

    /** Advances the timers: {@code for}, {@code keep-firing-for} and no-data. */
    List<AlertEvent> onTick(long now) {
        List<AlertEvent> events = new ArrayList<>();
        for (Map.Entry<RuleTargetKey, AlertState> entry : new ArrayList<>(states.entrySet())) {
            Rule rule = rules.get(entry.getKey().rule());
            String target = entry.getKey().targetId();
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
            if (!(rule instanceof NoDataRule)) {
                continue;
            }
            for (Map.Entry<String, Long> seen : lastSeen.entrySet()) {
                String target = seen.getKey();
                long silentFor = now - seen.getValue();
                if (rule.appliesTo(target) && silentFor >= rule.forDuration().toMillis()
                        && !states.containsKey(key(rule, target))) {
                    events.add(fire(rule, target, AlertState.silent(seen.getValue(), silentFor, rule.forDuration()),
                            now));
                }
            }
        }
        return events;
    }

    /** States changed since the last call (null: back to inactive), for the state topic. */
    Map<RuleTargetKey, AlertState> drainChangedStates() {
        Map<RuleTargetKey, AlertState> changed = new HashMap<>(changedStates);
        changedStates.clear();
        return changed;
    }

    Map<String, Long> drainChangedSeen() {
        Map<String, Long> changed = new HashMap<>(changedSeen);
        changedSeen.clear();
        return changed;
    }

    /** Moves one window rule's state for the update's target on what the update says. */
    private void decide(WindowRule rule, StatsUpdate update, long now, List<AlertEvent> events) {
        Verdict verdict = rule.judge(update);
        WindowStats stats = update.current();
        String target = stats.getTargetId();
        RuleTargetKey key = key(rule, target);
        AlertState state = states.get(key);
        if (state == null) {
            if (verdict.problem()) {
                AlertState pending = AlertState.pending(now, stats, verdict);
                put(key, pending);
                if (rule.forDuration().isZero()) {
                    events.add(fire(rule, target, pending, now));
                }
            }
            return;
        }
        switch (state.status()) {
            case PENDING -> {
                if (!verdict.problem()) {
                    put(key, null);
                } else {
                    AlertState updated = state.measured(stats, verdict);
                    put(key, updated);
                    if (now - updated.since() >= rule.forDuration().toMillis()) {
                        events.add(fire(rule, target, updated, now));
                    }
                }
            }
            case FIRING -> {
                AlertState updated = verdict.problem() ? state.measured(stats, verdict) : state;
                if (verdict.recovered()) {
                    AlertState resolving = updated.measured(stats, verdict).resolving(now);
                    put(key, resolving);
                    if (rule.keepFiringFor().isZero()) {
                        events.add(resolve(rule, target, resolving, now, verdict.value(), now));
                    }
                } else {
                    put(key, updated);
                }
            }
            case RESOLVING -> {
                if (!verdict.recovered()) {
                    // The resolution must hold without a break for keep-firing-for.
                    put(key, state.measured(stats, verdict).firingAgain());
                } else if (now - state.since() >= rule.keepFiringFor().toMillis()) {
                    events.add(resolve(rule, target, state, state.since(), verdict.value(), now));
                }
            }
        }
    }

    private AlertEvent fire(Rule rule, String target, AlertState pending, long now) {
        AlertState firing = pending.firing(rule.name() + ":" + target + ":" + pending.since());
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

    private void put(RuleTargetKey key, AlertState state) {
        if (state == null) {
            states.remove(key);
        } else {
            states.put(key, state);
        }
        changedStates.put(key, state);
    }

    private static RuleTargetKey key(Rule rule, String target) {
        return new RuleTargetKey(rule.name(), target);
    }
}
