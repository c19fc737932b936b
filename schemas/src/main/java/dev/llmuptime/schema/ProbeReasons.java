package dev.llmuptime.schema;

/**
 * Why a probe ran, as {@code ProbeResult.reason} says. A string rather than an enum, so a reason
 * added later is still read by older consumers. Missing (null) means scheduled.
 */
public final class ProbeReasons {

    /** The probe of the target's interval slot. */
    public static final String SCHEDULED = "scheduled";
    /** An extra probe right after a failure, to confirm it. */
    public static final String CONFIRM = "confirm";
    /** An extra probe between slots while the target fails, so recovery is seen soon. */
    public static final String FAILING = "failing";

    private ProbeReasons() {
    }

    /** Whether {@code result} fills its target's interval slot, so window counts include it. */
    public static boolean isScheduled(ProbeResult result) {
        return result.getReason() == null || SCHEDULED.equals(result.getReason());
    }
}
