package dev.llmuptime.alert;

import dev.llmuptime.alert.AlertState.Status;
import dev.llmuptime.schema.AlertEvent;
import dev.llmuptime.schema.AlertStatus;
import dev.llmuptime.schema.ProbeEvidence;
import dev.llmuptime.schema.WindowStats;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Decides when alerts fire and resolve, per (rule, target), with hysteresis: a rule fires only
 * with at least {@code min-samples} probes in what it reads (the current window, or for counts and
 * streaks the trailing window-length, see {@link TrailingWindow}) and once its condition has held for
 * {@code for}; it resolves once {@code resolve-when} (or, without it, the condition being false)
 * has held for {@code keep-firing-for}, and with a {@code flap-window} only once the target's failures
 * of that window formed a single run. A rule removed from the config resolves what it had firing; a
 * target removed from it is forgotten once silent, its firing alerts resolved. A critical rule on a
 * target that several regions report pages only when a strict majority of them see its problem in
 * their own stats; one region seeing it alone raises the rule's {@link RegionalRule} warning for
 * that region instead. Not thread-safe; time comes from the caller.
 */
final class RuleEngine {

    /** Runs of fewer failed probes than this resolve only after {@link #SHORT_RUN_CONFIRMATION} successes in a row. */
    private static final int SHORT_RUN = 3;
    /** A minute at 5 s probes: 30 % random errors leave that many successes in a row about once in 70 tries. */
    private static final int SHORT_RUN_CONFIRMATION = 12;
    /** A target missing from the config is forgotten after this long without a probe: its prober has let go. */
    private static final Duration FORGET_REMOVED_AFTER = Duration.ofMinutes(2);
    /** What a removed rule's RESOLVED says for what is no longer known of it. */
    private static final String RETIRED_SEVERITY = "info";
    private static final String RETIRED_METRIC = "none";
    /** The metric of the failure streak: its evidence is the current run of failures. */
    private static final String STREAK_METRIC = "consecutive-failures";

    private final Map<String, Rule> rules = new LinkedHashMap<>();
    private final Map<String, RegionalRule> regionalRules = new LinkedHashMap<>();
    private final Map<RuleTargetKey, AlertState> states = new HashMap<>();
    private final Map<String, Long> lastSeen = new HashMap<>();
    private final Map<RuleTargetKey, AlertState> changedStates = new HashMap<>();
    private final Map<String, Long> changedSeen = new HashMap<>();
    private final RecentWindows recentWindows = new RecentWindows();
    /** The newest probe time each target's stats carried: only a newer probe means the target is heard. */
    private final Map<String, Long> newestProbe = new HashMap<>();
    private final ConfiguredTargets targets;
    private final FailureRuns failureRuns;
    /**
     * When each rule last resolved on each target: failures before it belong to an episode already
     * closed, so an outage two minutes after another resolves as quickly as the first. Not kept over
     * a restart, which at worst holds one RESOLVED until the flap-window passed.
     */
    private final Map<RuleTargetKey, Long> resolvedAt = new HashMap<>();
    private final FailureEvidence evidence = new FailureEvidence();
    private final ControlPlane controlPlane;
    private final WindowHistory history;
    /** Each region's own windows, of the sizes the critical rules read: what the regions' votes are drawn from. */
    private final WindowHistory regionHistory;
    private final RegionVotes votes = new RegionVotes();

    RuleEngine(List<Rule> rules, ConfiguredTargets targets) {
        rules.forEach(rule -> this.rules.put(rule.name(), rule));
        rules.stream().filter(RegionalRule::votes).map(rule -> new RegionalRule((WindowRule) rule))
                .forEach(regional -> regionalRules.put(regional.name(), regional));
        this.targets = targets;
        this.failureRuns = new FailureRuns(rules.stream().filter(WindowRule.class::isInstance)
                .mapToLong(rule -> ((WindowRule) rule).flapWindow().toMillis()).max().orElse(0));
        this.controlPlane = new ControlPlane(targets);
        history = new WindowHistory(rules.stream().filter(WindowRule.class::isInstance)
                .flatMap(rule -> ((WindowRule) rule).historyNeeds().stream()).toList());
        regionHistory = new WindowHistory(regionalRules.values().stream()
                .flatMap(rule -> rule.critical().historyNeeds().stream()).toList());
    }

    /**
     * How far back, in ms, the stats the rules read may begin: what a restore reads again. At least two
     * of the longest window, so the trailing views have the window before the current one too, and the
     * longest flap-window, so the failure runs are known again.
     */
    long historyLookback() {
        long longestWindow = rules.values().stream().filter(WindowRule.class::isInstance)
                .mapToLong(rule -> ((WindowRule) rule).window().toMillis()).max().orElse(0);
        return Math.max(Math.max(history.lookback(), 2 * longestWindow), failureRuns.keepMillis());
    }

    /** Takes in a stats record read back from the stats topic, as history and votes only: it decides nothing. */
    void remember(WindowStats stats) {
        if (read(stats) && !isAllRegions(stats)) {
            for (RegionalRule regional : regionalRules.values()) {
                if (regional.appliesTo(stats.getTargetId()) && regional.critical().reads(stats)) {
                    castVote(regional.critical(), stats);
                }
            }
        }
    }

    /** Keeps a stats record in what the rules read; returns whether it belongs to its series' newest window. */
    private boolean read(WindowStats stats) {
        failureRuns.observe(stats);
        evidence.observe(stats);
        (isAllRegions(stats) ? history : regionHistory).offer(stats);
        return recentWindows.offer(stats);
    }

    private static boolean isAllRegions(WindowStats stats) {
        return stats.getRegion().equals("*");
    }

    /** Restores a state read back from the state topic. */
    void restore(RuleTargetKey key, AlertState state) {
        if (state == null) {
            states.remove(key);
        } else {
            states.put(key, state);
        }
    }

    /** Restores when a target was last heard; null: it was forgotten. */
    void restoreSeen(String targetId, Long at) {
        if (at == null) {
            lastSeen.remove(targetId);
        } else {
            lastSeen.put(targetId, at);
        }
    }

    /** Forgets the states and sightings of the targets {@code gone} accepts: another instance decides them now. */
    void forget(Predicate<String> gone) {
        states.keySet().removeIf(key -> gone.test(key.targetId()));
        changedStates.keySet().removeIf(key -> gone.test(key.targetId()));
        lastSeen.keySet().removeIf(gone);
        changedSeen.keySet().removeIf(gone);
        forgetHistory(gone);
    }

    /** Forgets what was read of the targets {@code gone} accepts; their states are left as they are. */
    private void forgetHistory(Predicate<String> gone) {
        recentWindows.forget(gone);
        newestProbe.keySet().removeIf(gone);
        failureRuns.forget(gone);
        resolvedAt.keySet().removeIf(key -> gone.test(key.targetId()));
        evidence.forget(gone);
        controlPlane.forget(gone);
        history.forget(gone);
        regionHistory.forget(gone);
        votes.forget(gone);
    }

    /** Evaluates every rule that reads this stats record; returns the transitions. */
    List<AlertEvent> onStats(WindowStats stats, long now) {
        List<AlertEvent> events = new ArrayList<>();
        String target = stats.getTargetId();
        // The final record of a window closing after the target went quiet is not a sign of life.
        boolean heard = stats.getLastProbeAt().toEpochMilli() > newestProbe.getOrDefault(target, Long.MIN_VALUE);
        if (heard) {
            newestProbe.put(target, stats.getLastProbeAt().toEpochMilli());
            lastSeen.put(target, now);
            changedSeen.put(target, now);
        }
        controlPlane.observe(stats, now);
        boolean current = read(stats);
        boolean allRegions = isAllRegions(stats);
        StatsUpdate update = current && allRegions
                ? new StatsUpdate(stats, recentWindows.before(stats), history) : null;
        for (Rule rule : rules.values()) {
            if (!rule.appliesTo(target)) {
                continue;
            }
            if (rule instanceof NoDataRule) {
                AlertState state = states.get(key(rule, target));
                if (heard && state != null && state.status() == Status.FIRING) {
                    events.add(resolve(rule, key(rule, target), state, now, (double) 0, now));
                }
            } else if (current && rule instanceof WindowRule windowRule && windowRule.reads(stats)) {
                if (allRegions) {
                    decide(windowRule, update, now, events);
                } else if (RegionalRule.votes(rule)) {
                    decideRegion(windowRule, stats, now, events);
                }
            }
        }
        return events;
    }

    /** Advances the timers: {@code for}, {@code keep-firing-for} and no-data. */
    List<AlertEvent> onTick(long now) {
        List<AlertEvent> events = new ArrayList<>();
        for (Map.Entry<RuleTargetKey, AlertState> entry : new ArrayList<>(states.entrySet())) {
            RuleTargetKey key = entry.getKey();
            Rule rule = ruleOf(key);
            AlertState state = entry.getValue();
            if (rule == null) {
                retire(key, state, null, "rule removed from the configuration", now).ifPresent(events::add);
            } else if (state.status() == Status.PENDING && now - state.since() >= rule.forDuration().toMillis()) {
                events.add(fire(rule, key, state, now));
            } else if (state.status() == Status.RESOLVING && now - state.since() >= rule.keepFiringFor().toMillis()) {
                events.add(resolve(rule, key, state, state.since(), state.value(), now));
            }
        }
        for (Map.Entry<String, Long> seen : new ArrayList<>(lastSeen.entrySet())) {
            String target = seen.getKey();
            long silentFor = now - seen.getValue();
            if (targets.removed(target)) {
                if (silentFor >= FORGET_REMOVED_AFTER.toMillis()) {
                    events.addAll(forgetRemoved(target, now));
                }
                continue;
            }
            for (Rule rule : rules.values()) {
                if (rule instanceof NoDataRule noData && rule.appliesTo(target)) {
                    NoDataRule forTarget = noData.forInterval(targets.interval(target));
                    if (silentFor >= forTarget.forDuration().toMillis() && !states.containsKey(key(rule, target))) {
                        events.add(fire(forTarget, key(rule, target),
                                AlertState.silent(seen.getValue(), silentFor, forTarget.forDuration()), now));
                    }
                }
            }
        }
        return events;
    }

    /**
     * Forgets a target the config no longer lists, without a silence alert: resolves what fires for it,
     * drops what is pending, and drops its last sighting from the state topic too.
     */
    private List<AlertEvent> forgetRemoved(String target, long now) {
        List<AlertEvent> events = new ArrayList<>();
        for (Map.Entry<RuleTargetKey, AlertState> entry : new ArrayList<>(states.entrySet())) {
            if (entry.getKey().targetId().equals(target)) {
                retire(entry.getKey(), entry.getValue(), ruleOf(entry.getKey()),
                        "target removed from the configuration", now).ifPresent(events::add);
            }
        }
        lastSeen.remove(target);
        changedSeen.put(target, null);
        forgetHistory(target::equals);
        return events;
    }

    /**
     * Drops a state whose rule or target is gone; a FIRING one is resolved with {@code why} in its summary,
     * so a paging service closes the incident. {@code rule} is null when the rule itself is gone.
     */
    private Optional<AlertEvent> retire(RuleTargetKey key, AlertState state, Rule rule, String why, long now) {
        put(key, null);
        if (state.status() == Status.PENDING) {
            return Optional.empty();
        }
        String severity = rule == null ? RETIRED_SEVERITY : rule.severity();
        String metric = rule == null ? RETIRED_METRIC : rule.metricName();
        return Optional.of(event(key.rule(), severity, metric, key.targetId(), state, AlertStatus.RESOLVED, now,
                state.value(), Summaries.of(key.rule(), key.targetId(), state.model(), AlertStatus.RESOLVED, why),
                List.of(), now));
    }

    /** States changed since the last call (null: back to inactive), for the state topic. */
    Map<RuleTargetKey, AlertState> drainChangedStates() {
        Map<RuleTargetKey, AlertState> changed = new HashMap<>(changedStates);
        changedStates.clear();
        return changed;
    }

    /** The region of the firing alert {@code alertId}: null for an alert on all regions, or one no longer firing. */
    String regionOfEpisode(String alertId) {
        return states.entrySet().stream().filter(entry -> alertId.equals(entry.getValue().alertId()))
                .map(entry -> entry.getKey().region()).filter(Objects::nonNull).findFirst().orElse(null);
    }

    /** Last sightings changed since the last call (null: the target is forgotten), for the state topic. */
    Map<String, Long> drainChangedSeen() {
        Map<String, Long> changed = new HashMap<>(changedSeen);
        changedSeen.clear();
        return changed;
    }

    /**
     * Moves one window rule's state for the update's target on what the all-regions update says or, for
     * a critical rule on a target several regions have reported, on what the recent ones say.
     */
    private void decide(WindowRule rule, StatsUpdate update, long now, List<AlertEvent> events) {
        WindowStats stats = update.current();
        String target = stats.getTargetId();
        Verdict verdict = heldWhileIntermittent(rule, rule.judge(update), stats);
        if (RegionalRule.votes(rule)) {
            long recentFrom = recentFrom(target);
            Quorum quorum = votes.tally(rule.name(), target, recentFrom);
            if (quorum.decides()) {
                verdict = quorum.verdict();
            }
            retireSilentRegions(rule, target, recentFrom, now, events);
        }
        move(rule, key(rule, target), stats, verdict, now, events);
    }

    /**
     * Takes a region's vote on a critical rule from its own stats, and moves the rule's warning for each
     * region that votes: a problem while it sees it alone (see {@link Quorum#alone}).
     */
    private void decideRegion(WindowRule rule, WindowStats stats, long now, List<AlertEvent> events) {
        String target = stats.getTargetId();
        castVote(rule, stats);
        Quorum quorum = votes.tally(rule.name(), target, recentFrom(target));
        RegionalRule regional = new RegionalRule(rule);
        for (Quorum.RegionVote vote : quorum.votes()) {
            Verdict own = vote.verdict();
            move(regional, new RuleTargetKey(regional.name(), target, vote.region()), stats,
                    new Verdict(quorum.alone(vote), quorum.notAlone(vote), own.value(), own.threshold()), now, events);
        }
    }

    /** A region's verdict on a critical rule from the stats of its own probes, kept as its vote. */
    private void castVote(WindowRule rule, WindowStats stats) {
        StatsUpdate update = new StatsUpdate(stats, recentWindows.before(stats), regionHistory);
        Verdict verdict = heldWhileIntermittent(rule, rule.judge(update), stats);
        votes.cast(rule.name(), stats.getTargetId(), stats.getRegion(), verdict, stats.getLastProbeAt().toEpochMilli());
    }

    /** Resolves the warnings of the regions that no longer report the target: they no longer vote. */
    private void retireSilentRegions(WindowRule rule, String target, long recentFrom, long now,
            List<AlertEvent> events) {
        String name = new RegionalRule(rule).name();
        for (String region : votes.silent(rule.name(), target, recentFrom)) {
            RuleTargetKey key = new RuleTargetKey(name, target, region);
            AlertState state = states.get(key);
            if (state != null) {
                retire(key, state, regionalRules.get(name), "region " + region + " no longer reports", now)
                        .ifPresent(events::add);
            }
        }
    }

    /**
     * Probes of the target older than this (epoch ms) are too old for their region to vote: a region
     * votes while its newest probe is within the target's recent horizon of the target's newest.
     */
    private long recentFrom(String target) {
        Long newest = newestProbe.get(target);
        return newest == null ? Long.MIN_VALUE : newest - targets.recentFor(target).toMillis();
    }

    /** Moves the state under {@code key} of a rule on what one update concluded. */
    private void move(Rule rule, RuleTargetKey key, WindowStats stats, Verdict verdict, long now,
            List<AlertEvent> events) {
        AlertState state = states.get(key);
        if (state == null) {
            if (verdict.problem()) {
                AlertState pending = AlertState.pending(now, stats, verdict);
                put(key, pending);
                if (rule.forDuration().isZero()) {
                    events.add(fire(rule, key, pending, now));
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
                        events.add(fire(rule, key, updated, now));
                    }
                }
            }
            case FIRING -> {
                AlertState updated = verdict.problem() ? state.measured(stats, verdict) : state;
                if (verdict.recovered()) {
                    AlertState resolving = updated.measured(stats, verdict).resolving(now);
                    put(key, resolving);
                    if (rule.keepFiringFor().isZero()) {
                        events.add(resolve(rule, key, resolving, now, verdict.value(), now));
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
                    events.add(resolve(rule, key, state, state.since(), verdict.value(), now));
                }
            }
        }
    }

    /**
     * A recovery does not count while the target's failures of the rule's flap-window, since the rule
     * last resolved on it, formed several runs, nor, before {@link #SHORT_RUN_CONFIRMATION} successes in a row, after a run of fewer than
     * {@link #SHORT_RUN} failures: at the second success such a run cannot be told from the opening of intermittent
     * errors, and resolving it then would page twice for one episode.
     */
    private Verdict heldWhileIntermittent(WindowRule rule, Verdict verdict, WindowStats stats) {
        if (!verdict.recovered() || rule.flapWindow().isZero()) {
            return verdict;
        }
        long since = Math.max(stats.getLastProbeAt().toEpochMilli() - rule.flapWindow().toMillis(),
                resolvedAt.getOrDefault(key(rule, stats.getTargetId()), Long.MIN_VALUE));
        boolean intermittent = failureRuns.since(stats.getTargetId(), stats.getRegion(), since) > 1;
        boolean unconfirmed = stats.getConsecutiveSuccesses() < SHORT_RUN_CONFIRMATION
                && failureRuns.latest(stats.getTargetId(), stats.getRegion())
                        .filter(run -> run.failures() < SHORT_RUN).isPresent();
        return intermittent || unconfirmed
                ? new Verdict(verdict.problem(), false, verdict.value(), verdict.threshold()) : verdict;
    }

    private AlertEvent fire(Rule rule, RuleTargetKey key, AlertState pending, long now) {
        String region = key.region() == null ? "" : ":" + key.region();
        AlertState firing = pending.firing(rule.name() + ":" + key.targetId() + region + ":" + pending.since());
        put(key, firing);
        return event(rule, key, firing, AlertStatus.FIRING, null, firing.value(), now);
    }

    private AlertEvent resolve(Rule rule, RuleTargetKey key, AlertState state, long endsAt, Double value, long now) {
        put(key, null);
        // In probe time, as the failure runs are: the prober's clock may differ from this one.
        resolvedAt.put(key, newestProbe.getOrDefault(key.targetId(), now));
        return event(rule, key, state, AlertStatus.RESOLVED, endsAt, value, now);
    }

    private AlertEvent event(Rule rule, RuleTargetKey key, AlertState state, AlertStatus status, Long endsAt,
            Double value, long now) {
        String target = key.targetId();
        List<String> parts = new ArrayList<>();
        parts.add(Summaries.of(rule, target, state.model(), status, value));
        boolean firing = status == AlertStatus.FIRING;
        if (rule instanceof RegionalRule regional) {
            Quorum quorum = votes.tally(regional.critical().name(), target, recentFrom(target));
            parts.add("in region " + key.region() + (firing ? ", " + quorum.note() : ""));
        } else if (firing && rule instanceof WindowRule) {
            // Only a rule on probes' outcomes has a failure the models check can explain; silence has none.
            String note = controlPlane.note(target, now);
            if (note != null) {
                parts.add(note);
            }
            Quorum quorum = RegionalRule.votes(rule) ? votes.tally(rule.name(), target, recentFrom(target)) : null;
            if (quorum != null && quorum.active()) {
                parts.add(quorum.note());
            }
        }
        return event(rule.name(), rule.severity(), rule.metricName(), target, state, status, endsAt, value,
                String.join("; ", parts), firing ? evidenceOf(rule, key, state) : List.of(), now);
    }

    /**
     * The failed probes that explain a firing episode: those the rule's region (or all regions) saw from
     * one window of the rule before the episode began, and for a rule on the failure streak only the
     * current run. No-data and misconfigured alerts have none: no probe failed on the provider's side.
     */
    private List<ProbeEvidence> evidenceOf(Rule rule, RuleTargetKey key, AlertState state) {
        Rule judged = rule instanceof RegionalRule regional ? regional.critical() : rule;
        if (!(judged instanceof ThresholdRule threshold)) {
            return List.of();
        }
        long from = state.startsAt() - threshold.window().toMillis();
        return evidence.since(key.targetId(), key.region() == null ? "*" : key.region(), from,
                threshold.metricName().equals(STREAK_METRIC));
    }

    private static AlertEvent event(String rule, String severity, String metric, String target, AlertState state,
            AlertStatus status, Long endsAt, Double value, String summary, List<ProbeEvidence> evidence, long now) {
        return AlertEvent.newBuilder()
                .setAlertId(state.alertId())
                .setRule(rule)
                .setSeverity(severity)
                .setStatus(status)
                .setTargetId(target)
                .setProvider(state.provider())
                .setModel(state.model())
                .setMetric(metric)
                .setValue(value)
                .setThreshold(state.threshold())
                .setWindowStart(state.windowStart() == null ? null : Instant.ofEpochMilli(state.windowStart()))
                .setWindowEnd(state.windowEnd() == null ? null : Instant.ofEpochMilli(state.windowEnd()))
                .setStartsAt(Instant.ofEpochMilli(state.startsAt()))
                .setEndsAt(endsAt == null ? null : Instant.ofEpochMilli(endsAt))
                .setSummary(summary)
                .setEmittedAt(Instant.ofEpochMilli(now))
                .setEvidence(evidence)
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

    /** The rule a state belongs to; null when the configuration no longer has it. */
    private Rule ruleOf(RuleTargetKey key) {
        return key.region() == null ? rules.get(key.rule()) : regionalRules.get(key.rule());
    }

    private static RuleTargetKey key(Rule rule, String target) {
        return new RuleTargetKey(rule.name(), target);
    }
}
