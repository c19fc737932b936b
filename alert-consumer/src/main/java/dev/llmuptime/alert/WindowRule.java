package dev.llmuptime.alert;

import dev.llmuptime.schema.WindowStats;
import java.time.Duration;
import java.util.List;

/**
 * A rule judged on every stats update of its window, with hysteresis: it fires once its problem has
 * held for {@code for}, and resolves once the recovery has held for {@code keep-firing-for}, and
 * never while the target's failures of the last {@link #flapWindow} formed more than one run.
 */
sealed interface WindowRule extends Rule permits ThresholdRule, MisconfiguredRule {

    /** The window size whose stats the rule reads. */
    Duration window();

    /** What one update of the rule's window says. */
    Verdict judge(StatsUpdate update);

    /** How far back a firing alert looks for earlier runs of failures; zero: it does not. */
    default Duration flapWindow() {
        return Duration.ZERO;
    }

    /** The past windows it reads, beyond the current and previous one. */
    default List<HistoryNeed> historyNeeds() {
        return List.of();
    }

    default boolean reads(WindowStats stats) {
        return stats.getWindowSize() == window().toMillis();
    }
}
