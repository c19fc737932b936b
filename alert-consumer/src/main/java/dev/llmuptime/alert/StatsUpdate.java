package dev.llmuptime.alert;

import dev.llmuptime.schema.WindowStats;

/**
 * A stats update of the newest window, as the rules read it: {@code previous} is the window right
 * before it, if seen, from which conditions on counts read the trailing window-length.
 */
record StatsUpdate(WindowStats current, WindowStats previous) {

    /** What {@code condition} reads: the trailing window-length for counts, built only then; else the window. */
    WindowStats readBy(Condition condition) {
        return condition.metric().countBased() ? TrailingWindow.of(current, previous) : current;
    }
}
