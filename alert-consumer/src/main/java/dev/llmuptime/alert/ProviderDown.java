package dev.llmuptime.alert;

import dev.llmuptime.config.InhibitConfig;
import dev.llmuptime.config.MonitorConfig;
import dev.llmuptime.schema.AlertEvent;
import dev.llmuptime.schema.AlertEventSerde;
import dev.llmuptime.schema.AlertStatus;
import dev.llmuptime.schema.ProbeEvidence;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The provider-level alert of {@code alerts.inhibit}: {@code provider-down} fires on a provider once at
 * least {@code share} of its configured targets, and at least {@code min-targets} of them, have a critical
 * alert firing, and resolves once fewer do. Its target id is the provider's name, so the one instance owning
 * that name's partition decides it, from the firing alerts of every instance, and keeps it in the state
 * topic like any episode. While it fires, {@link Inhibition} holds back the provider's other alerts.
 */
final class ProviderDown {

    static final String RULE = "provider-down";
    private static final String SEVERITY = "critical";
    private static final String METRIC = "failing-targets";
    private static final String TOPIC = "alerts";
    private static final int EVIDENCE = 5;

    private final InhibitConfig inhibit;
    /** Each provider's configured target ids. */
    private final Map<String, Set<String>> targets;
    private final AlertEventSerde serde = new AlertEventSerde();

    ProviderDown(InhibitConfig inhibit, Map<String, Set<String>> targets) {
        this.inhibit = inhibit;
        this.targets = targets;
    }

    static ProviderDown of(MonitorConfig config) {
        Map<String, Set<String>> targets = new TreeMap<>();
        config.probes().targets().forEach(target -> targets.computeIfAbsent(target.provider().configName(),
                provider -> new TreeSet<>()).add(target.id()));
        return new ProviderDown(config.alerts().inhibit(), targets);
    }

    /**
     * Hands {@code notifier} the provider-down transitions due now on the providers {@code owns} accepts;
     * {@code firing} are the firing alerts of every instance.
     */
    List<Notice> decide(Collection<Episode> firing, Predicate<String> owns, Notifier notifier, long now) {
        return notifier.onTransitions(transitions(firing, notifier.firingOf(RULE), owns, now), alertId -> null, now);
    }

    /**
     * A FIRING for each owned provider that is down and has no provider-down in {@code down} (its FIRING by
     * provider), a RESOLVED for each one in it that is not down any more (or no longer configured).
     */
    List<AlertEvent> transitions(Collection<Episode> firing, Map<String, AlertEvent> down, Predicate<String> owns,
            long now) {
        Set<String> providers = new TreeSet<>(targets.keySet());
        providers.addAll(down.keySet());
        List<AlertEvent> transitions = new ArrayList<>();
        for (String provider : providers) {
            if (!owns.test(provider)) {
                continue;
            }
            Set<String> configured = targets.getOrDefault(provider, Set.of());
            List<Episode> critical = firing.stream().filter(episode -> covers(configured, episode.labels())).toList();
            Set<String> failing = new TreeSet<>();
            critical.forEach(episode -> failing.add(episode.labels().target()));
            AlertEvent current = down.get(provider);
            boolean isDown = inhibit.enabled() && failing.size() >= required(configured.size());
            if (isDown && current == null) {
                transitions.add(fired(provider, failing, configured.size(), critical, now));
            } else if (!isDown && current != null) {
                transitions.add(resolved(current, failing.size(), configured.size(), now));
            }
        }
        return transitions;
    }

    /**
     * How many failing targets make a provider of {@code configured} down: {@code share} of them, and
     * never fewer than {@code min-targets}, so one model failing alone is never the provider. The
     * epsilon keeps 0.3 × 10 at 3.
     */
    private int required(int configured) {
        return Math.max(inhibit.minTargets(), (int) Math.ceil(inhibit.share() * configured - 1e-9));
    }

    /** A critical alert of a rule on one of the provider's targets. */
    private static boolean covers(Set<String> configured, AlertLabels labels) {
        return !RULE.equals(labels.rule()) && SEVERITY.equals(labels.severity()) && configured.contains(labels.target());
    }

    private AlertEvent fired(String provider, Set<String> failing, int configured, List<Episode> critical, long now) {
        return AlertEvent.newBuilder()
                .setAlertId(RULE + ":" + provider + ":" + now)
                .setRule(RULE)
                .setSeverity(SEVERITY)
                .setStatus(AlertStatus.FIRING)
                .setTargetId(provider)
                .setProvider(provider)
                .setModel(null)
                .setMetric(METRIC)
                .setValue((double) failing.size())
                .setThreshold((double) required(configured))
                .setStartsAt(Instant.ofEpochMilli(now))
                .setSummary(Summaries.of(RULE, provider, null, AlertStatus.FIRING,
                        failing(failing.size(), configured) + " (" + String.join(", ", failing) + ")"))
                .setEmittedAt(Instant.ofEpochMilli(now))
                .setEvidence(evidence(critical))
                .build();
    }

    private static AlertEvent resolved(AlertEvent firing, int failing, int configured, long now) {
        return AlertEvent.newBuilder(firing)
                .setStatus(AlertStatus.RESOLVED)
                .setValue((double) failing)
                .setEndsAt(Instant.ofEpochMilli(now))
                .setSummary(Summaries.of(RULE, firing.getTargetId(), null, AlertStatus.RESOLVED,
                        failing(failing, configured)))
                .setEmittedAt(Instant.ofEpochMilli(now))
                .setEvidence(List.of())
                .build();
    }

    private static String failing(int failing, int configured) {
        return failing + " of " + configured + " targets have a critical alert firing";
    }

    /** The latest failed probes of the alerts it covers, oldest first: what to send the provider. */
    private List<ProbeEvidence> evidence(List<Episode> critical) {
        List<ProbeEvidence> all = new ArrayList<>();
        for (Episode episode : critical) {
            List<ProbeEvidence> probes = serde.deserializer().deserialize(TOPIC, episode.firing()).getEvidence();
            all.addAll(probes == null ? List.of() : probes);
        }
        all.sort(Comparator.comparing(ProbeEvidence::getStartedAt).thenComparing(ProbeEvidence::getProbeId));
        return List.copyOf(all.subList(Math.max(0, all.size() - EVIDENCE), all.size()));
    }
}
