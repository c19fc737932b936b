package dev.llmuptime.alert;

import dev.llmuptime.schema.Percentiles;
import dev.llmuptime.schema.UptimeCounts;
import dev.llmuptime.schema.WindowStats;

/**
 * What the history keeps of one window's latest stats: its counts and percentiles, without the
 * sketch and the labels, so hours of windows per target stay small.
 */
record PastWindow(long start, long lastProbeAt, long count, UptimeCounts counts, Percentiles latency,
        Percentiles ttft, Double tokensPerSecondP50) {

    static PastWindow of(WindowStats stats) {
        return new PastWindow(stats.getWindowStart().toEpochMilli(), stats.getLastProbeAt().toEpochMilli(),
                stats.getCount(), UptimeCounts.of(stats), stats.getLatency(), stats.getTtft(),
                stats.getTokensPerSecondP50());
    }

    /** As stats a {@link Metric} can read: count, uptime and percentiles. */
    WindowStats asStats() {
        WindowStats stats = new WindowStats();
        stats.setCount(count);
        stats.setUptime(counts.uptime());
        stats.setLatency(latency);
        stats.setTtft(ttft);
        stats.setTokensPerSecondP50(tokensPerSecondP50);
        return stats;
    }
}
