package dev.llmuptime.aggregator;

import dev.llmuptime.schema.Outcome;

/** How outcomes count, as the public contract defines it. */
public final class Outcomes {

    private Outcomes() {
    }

    /** SUCCESS and SLOW: the model answered correctly. */
    public static boolean isUp(Outcome outcome) {
        return outcome == Outcome.SUCCESS || outcome == Outcome.SLOW;
    }

    /** AUTH_ERROR and CLIENT_ERROR are failures on the monitor's side, not the provider's. */
    public static boolean isMonitorSide(Outcome outcome) {
        return outcome == Outcome.AUTH_ERROR || outcome == Outcome.CLIENT_ERROR;
    }
}
