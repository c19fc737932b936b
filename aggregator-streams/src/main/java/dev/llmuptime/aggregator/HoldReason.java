package dev.llmuptime.aggregator;

/** The {@code llm.held} reasons of the alerts topic in words: {@code silence:<id>}, {@code maintenance}, {@code inhibited:<id>}. */
final class HoldReason {

    private static final String SILENCE = "silence:";
    private static final String INHIBITED = "inhibited:";
    private static final String MAINTENANCE = "maintenance";

    private HoldReason() {
    }

    static boolean isSilence(String reason) {
        return reason.startsWith(SILENCE);
    }

    static String describe(String reason) {
        if (isSilence(reason)) {
            return "silenced by silence " + reason.substring(SILENCE.length());
        }
        if (reason.startsWith(INHIBITED)) {
            return "inhibited by " + reason.substring(INHIBITED.length());
        }
        return reason.equals(MAINTENANCE) ? "held by a maintenance window" : "held: " + reason;
    }
}
