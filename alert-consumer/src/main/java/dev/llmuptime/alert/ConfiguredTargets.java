package dev.llmuptime.alert;

import dev.llmuptime.config.CheckType;
import dev.llmuptime.config.MonitorConfig;
import dev.llmuptime.config.TargetConfig;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The targets of {@code probes.targets}, as the rules need them: each one's probe interval, the
 * {@code models} checks of the same endpoint and model, and whether a target is still configured.
 * A config that lists no targets (the alert consumer run from a file without them) knows none, and
 * then no target counts as removed.
 */
record ConfiguredTargets(Map<String, TargetConfig> byId) {

    private static final Duration MIN_RECENT = Duration.ofMinutes(2);
    private static final int RECENT_PROBES = 3;

    static ConfiguredTargets of(MonitorConfig config) {
        Map<String, TargetConfig> byId = new LinkedHashMap<>();
        config.probes().targets().forEach(target -> byId.put(target.id(), target));
        return new ConfiguredTargets(Map.copyOf(byId));
    }

    /** The target's probe interval; null when the config does not name it. */
    Duration interval(String targetId) {
        TargetConfig target = byId.get(targetId);
        return target == null ? null : target.interval();
    }

    /**
     * How long after its newest probe a target still counts as reporting: max(2 m, 3 of its probe
     * intervals), so a target probed every few minutes is not taken for silent between probes.
     */
    Duration recentFor(String targetId) {
        Duration interval = interval(targetId);
        Duration probes = interval == null ? Duration.ZERO : interval.multipliedBy(RECENT_PROBES);
        return probes.compareTo(MIN_RECENT) > 0 ? probes : MIN_RECENT;
    }

    /** Whether the config lists targets, but not this one any more. */
    boolean removed(String targetId) {
        return !byId.isEmpty() && !byId.containsKey(targetId);
    }

    boolean isModelsCheck(String targetId) {
        TargetConfig target = byId.get(targetId);
        return target != null && target.check() == CheckType.MODELS;
    }

    /** The ids of the {@code models} checks on the same provider, base URL and model as this completions target. */
    List<String> modelsChecksOf(String targetId) {
        TargetConfig target = byId.get(targetId);
        if (target == null || target.check() == CheckType.MODELS) {
            return List.of();
        }
        return byId.values().stream()
                .filter(other -> other.check() == CheckType.MODELS && other.provider() == target.provider()
                        && other.baseUrl().equals(target.baseUrl()) && other.model().equals(target.model()))
                .map(TargetConfig::id).toList();
    }
}
