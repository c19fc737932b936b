package dev.llmuptime.bench;

/** Alerts as the peers benchmark's receiver records them, made up by hand for the report tests. */
final class Arrivals {

    private Arrivals() {
    }

    static Receiver.Arrival firing(String stack, String model, String rule, long at) {
        return new Receiver.Arrival(stack, model, rule, true, at, null, "", "");
    }

    static Receiver.Arrival resolved(String stack, String model, String rule, long at) {
        return new Receiver.Arrival(stack, model, rule, false, at, null, "", "");
    }

    /** A FIRING of this project's, with the severity and summary the region case reads. */
    static Receiver.Arrival alert(String stack, String model, String rule, String severity, long at,
            String summary) {
        return new Receiver.Arrival(stack, model, rule, true, at, null, severity, summary);
    }
}
