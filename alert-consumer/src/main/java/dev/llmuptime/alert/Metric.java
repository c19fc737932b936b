package dev.llmuptime.alert;

import dev.llmuptime.schema.Outcome;
import dev.llmuptime.schema.Percentiles;
import dev.llmuptime.schema.WindowStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A number a rule's condition reads from a WindowStats record; null when the window has no such
 * value. Count-based metrics and latency percentiles are read over the trailing window-length
 * ({@link TrailingWindow}).
 */
record Metric(String name, boolean countBased, Function<WindowStats, Double> reader) {

    static final List<Metric> ALL = all();

    Double valueOf(WindowStats stats) {
        return reader.apply(stats);
    }

    /** Latency percentiles come with a sketch, so they can be read over the trailing window-length. */
    boolean readsLatencySketch() {
        return name.startsWith("latency.");
    }

    /** Streaks and the last outcome are the target's own, carried across window boundaries. */
    boolean readsStreak() {
        return name.startsWith("consecutive-") || name.startsWith("last-outcome.");
    }

    static Metric named(String name) {
        return ALL.stream().filter(metric -> metric.name.equals(name)).findFirst().orElse(null);
    }

    private static List<Metric> all() {
        List<Metric> metrics = new ArrayList<>();
        metrics.add(new Metric("uptime", true, WindowStats::getUptime));
        metrics.add(new Metric("error-rate", true, stats -> stats.getUptime() == null ? null : 1 - stats.getUptime()));
        for (String q : List.of("p50", "p90", "p95", "p99")) {
            metrics.add(new Metric("latency." + q, false, stats -> percentile(stats.getLatency(), q)));
        }
        for (String q : List.of("p50", "p95", "p99")) {
            metrics.add(new Metric("ttft." + q, false, stats -> percentile(stats.getTtft(), q)));
        }
        metrics.add(new Metric("tokens-per-second.p50", false, WindowStats::getTokensPerSecondP50));
        metrics.add(new Metric("count", true, stats -> (double) stats.getCount()));
        for (Outcome outcome : Outcome.values()) {
            metrics.add(new Metric("outcome." + outcome.name(), true, stats -> share(stats, outcome)));
        }
        metrics.add(new Metric("consecutive-failures", false, stats -> (double) stats.getConsecutiveFailures()));
        metrics.add(new Metric("consecutive-successes", false, stats -> (double) stats.getConsecutiveSuccesses()));
        for (Outcome outcome : Outcome.values()) {
            metrics.add(new Metric("last-outcome." + outcome.name(), false,
                    stats -> stats.getLastOutcome() == outcome ? 1.0 : 0.0));
        }
        return List.copyOf(metrics);
    }

    private static Double percentile(Percentiles percentiles, String q) {
        if (percentiles == null) {
            return null;
        }
        return switch (q) {
            case "p50" -> percentiles.getP50();
            case "p90" -> percentiles.getP90();
            case "p95" -> percentiles.getP95();
            default -> percentiles.getP99();
        };
    }

    private static Double share(WindowStats stats, Outcome outcome) {
        Map<String, Long> counts = stats.getOutcomeCounts();
        return stats.getCount() == 0 ? null : (double) counts.getOrDefault(outcome.name(), 0L) / stats.getCount();
    }
}
