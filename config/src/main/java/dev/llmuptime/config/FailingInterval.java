package dev.llmuptime.config;

import java.time.Duration;

/**
 * How often a target is probed while it fails, when nothing else is said: a fifth of its interval,
 * at least a second (so a short interval does not hammer a failing provider), and never slower
 * than the interval itself.
 */
public final class FailingInterval {

    private static final Duration FLOOR = Duration.ofSeconds(1);

    private FailingInterval() {
    }

    public static Duration defaultFor(Duration interval) {
        Duration fifth = interval.dividedBy(5);
        Duration floored = fifth.compareTo(FLOOR) < 0 ? FLOOR : fifth;
        return floored.compareTo(interval) > 0 ? interval : floored;
    }
}
