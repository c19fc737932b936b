package dev.llmuptime.bench;

import java.util.List;

/** Nearest-rank percentiles of measurements already sorted ascending; 0 when there are none. */
final class Percentile {

    private Percentile() {
    }

    static long of(List<Long> sorted, double q) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get((int) Math.max(0, Math.min(sorted.size() - 1, Math.ceil(q * sorted.size()) - 1)));
    }
}
