package dev.llmuptime.alert;

import dev.llmuptime.schema.Outcome;
import dev.llmuptime.schema.Outcomes;
import dev.llmuptime.schema.WindowStats;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Tells the control plane ({@code GET /v1/models}) from the data plane (completions) in a FIRING's
 * summary: when a completions target fails while the models check of the same endpoint and model
 * still lists the model, the model is there but cannot answer, as on 8 Nov 2023; when the list
 * fails too, the whole API is in trouble; when the list no longer has the model, it was removed.
 * Reads the newest all-regions probe of each target, as heard recently enough to be current.
 */
final class ControlPlane {

    /** The newest probe's outcome of one target, and when it was heard (the engine's clock). */
    private record Heard(Outcome outcome, long probeAt, long heardAt) {
    }

    private final ConfiguredTargets targets;
    private final Map<String, Heard> heard = new HashMap<>();

    ControlPlane(ConfiguredTargets targets) {
        this.targets = targets;
    }

    void observe(WindowStats stats, long now) {
        if (!stats.getRegion().equals("*") || stats.getLastProbeAt() == null || stats.getLastOutcome() == null) {
            return;
        }
        long probeAt = stats.getLastProbeAt().toEpochMilli();
        Heard before = heard.get(stats.getTargetId());
        if (before == null || probeAt > before.probeAt()) {
            heard.put(stats.getTargetId(), new Heard(stats.getLastOutcome(), probeAt, now));
        }
    }

    /** What the models check says about the target's failure, or null when it says nothing. */
    String note(String targetId, long now) {
        Heard own = current(targetId, now);
        if (own == null || !Outcomes.countsAgainstUptime(own.outcome())) {
            return null;
        }
        if (targets.isModelsCheck(targetId)) {
            return own.outcome() == Outcome.MODEL_UNAVAILABLE ? "not listed in /v1/models" : null;
        }
        List<Heard> lists = targets.modelsChecksOf(targetId).stream().map(id -> current(id, now))
                .filter(list -> list != null).toList();
        if (lists.isEmpty()) {
            return null;
        }
        if (lists.stream().anyMatch(list -> Outcomes.isUp(list.outcome()))) {
            return "listed in /v1/models, completions failing";
        }
        if (lists.stream().allMatch(list -> list.outcome() == Outcome.MODEL_UNAVAILABLE)) {
            return "not listed in /v1/models";
        }
        return "/v1/models failing too";
    }

    void forget(Predicate<String> gone) {
        heard.keySet().removeIf(gone);
    }

    /** The target's newest probe, unless it was heard longer ago than max(2m, 3 x its interval). */
    private Heard current(String targetId, long now) {
        Heard last = heard.get(targetId);
        if (last == null) {
            return null;
        }
        return now - last.heardAt() <= targets.recentFor(targetId).toMillis() ? last : null;
    }
}
