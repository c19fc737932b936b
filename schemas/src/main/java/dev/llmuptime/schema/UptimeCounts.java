package dev.llmuptime.schema;

import java.util.Map;

/**
 * The two sides of {@code uptime = up / (count - AUTH_ERROR - CLIENT_ERROR)} (the public contract,
 * section 4): up probes, and probes that count toward uptime. Fractional once windows are weighted
 * or merged; exact for whole counts below 2^53.
 */
public record UptimeCounts(double up, double countable) {

    /** From a window's probe count and its counts by {@link Outcome} name. */
    public static UptimeCounts of(long count, Map<String, Long> outcomeCounts) {
        long up = 0;
        long monitorSide = 0;
        for (Outcome outcome : Outcome.values()) {
            long probes = outcomeCounts.getOrDefault(outcome.name(), 0L);
            if (Outcomes.isUp(outcome)) {
                up += probes;
            } else if (Outcomes.isMonitorSide(outcome)) {
                monitorSide += probes;
            }
        }
        return new UptimeCounts(up, count - monitorSide);
    }

    /** From published stats: their countable probes, and as many up probes as their uptime says. */
    public static UptimeCounts of(WindowStats stats) {
        double countable = of(stats.getCount(), stats.getOutcomeCounts()).countable();
        return new UptimeCounts(stats.getUptime() == null ? 0 : stats.getUptime() * countable, countable);
    }

    public UptimeCounts plus(UptimeCounts other) {
        return new UptimeCounts(up + other.up, countable + other.countable);
    }

    public UptimeCounts times(double weight) {
        return new UptimeCounts(weight * up, weight * countable);
    }

    /** up / countable; null when no probe counts (no probes, or only failures on the monitor's side). */
    public Double uptime() {
        return countable == 0 ? null : up / countable;
    }
}
