package dev.llmuptime.bench;

import dev.llmuptime.schema.ProbeResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * This project's own share of detection: from the end of the probe whose result made a rule fire
 * ({@code startedAt + latencyMs}, from the results topic) to the webhook's arrival, split at the
 * alert consumer's decision ({@code emittedAt} of the AlertEvent). The triggering probe is the
 * latest one of that target to end before the alert was decided: its result is the one that
 * changed the stats the rule read (the second failure in a row, the slow answer, the 20th probe
 * of an hour). Probes are 5 s apart and the pipeline takes well under that, so no later probe can
 * be mistaken for the trigger.
 */
final class PipelineOverhead {

    private final List<Long> total = new ArrayList<>();
    private final List<Long> decision = new ArrayList<>();
    private final List<Long> delivery = new ArrayList<>();

    PipelineOverhead(List<Receiver.Arrival> arrivals, List<ProbeResult> results) {
        for (Receiver.Arrival arrival : arrivals) {
            if (arrival.emittedAt() == null || !arrival.firing()) {
                continue;
            }
            trigger(arrival, results).ifPresent(probeEnd -> {
                total.add(arrival.at() - probeEnd);
                decision.add(arrival.emittedAt() - probeEnd);
                delivery.add(arrival.at() - arrival.emittedAt());
            });
        }
        Collections.sort(total);
        Collections.sort(decision);
        Collections.sort(delivery);
    }

    private static Optional<Long> trigger(Receiver.Arrival arrival, List<ProbeResult> results) {
        return results.stream()
                .filter(result -> result.getTargetId().equals(arrival.model()))
                .map(PipelineOverhead::end)
                .filter(end -> end <= arrival.emittedAt())
                .max(Comparator.naturalOrder());
    }

    private static long end(ProbeResult result) {
        return result.getStartedAt().toEpochMilli() + result.getLatencyMs();
    }

    String describe() {
        return String.format("pipeline overhead over %d firing alerts of this project: probe end -> webhook arrival "
                        + "p50 %d ms, p99 %d ms, max %d ms; probe end -> alert decided p50 %d ms, p99 %d ms; "
                        + "decided -> webhook arrival p50 %d ms, p99 %d ms",
                total.size(), Percentile.of(total, 0.5), Percentile.of(total, 0.99),
                total.isEmpty() ? 0 : total.get(total.size() - 1), Percentile.of(decision, 0.5),
                Percentile.of(decision, 0.99), Percentile.of(delivery, 0.5), Percentile.of(delivery, 0.99));
    }
}
