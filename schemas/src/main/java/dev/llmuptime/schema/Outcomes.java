package dev.llmuptime.schema;

/**
 * How one probe's outcome counts, as the public contract (section 4) defines it: up is
 * {@code SUCCESS} or {@code SLOW}; {@code AUTH_ERROR} and {@code CLIENT_ERROR} are failures on the
 * monitor's own side, which do not count against the provider; every other outcome does.
 */
public final class Outcomes {

    private Outcomes() {
    }

    /** SUCCESS and SLOW: the model answered correctly. Extends the success streak. */
    public static boolean isUp(Outcome outcome) {
        return outcome == Outcome.SUCCESS || outcome == Outcome.SLOW;
    }

    /** AUTH_ERROR and CLIENT_ERROR: the monitor's own fault. Leaves both streaks as they are. */
    public static boolean isMonitorSide(Outcome outcome) {
        return outcome == Outcome.AUTH_ERROR || outcome == Outcome.CLIENT_ERROR;
    }

    /** A failure of the provider: neither up nor on the monitor's side. Extends the failure streak. */
    public static boolean countsAgainstUptime(Outcome outcome) {
        return !isUp(outcome) && !isMonitorSide(outcome);
    }
}
