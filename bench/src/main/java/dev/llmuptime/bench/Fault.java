package dev.llmuptime.bench;

import com.fasterxml.jackson.annotation.JsonInclude;

/** How the simulated provider answers for one model, as {@code POST /_sim/faults} takes it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Fault(String model, String mode, Integer status, Integer latencyMs, Double probability) {

    static Fault healthy(String model) {
        return new Fault(model, "healthy", null, null, null);
    }

    static Fault error(String model, int status) {
        return new Fault(model, "error", status, null, null);
    }

    static Fault rateLimit(String model) {
        return new Fault(model, "rate-limit", null, null, null);
    }

    static Fault hang(String model) {
        return new Fault(model, "hang", null, null, null);
    }

    static Fault slow(String model, int latencyMs) {
        return new Fault(model, "slow", null, latencyMs, null);
    }

    /** This fault on a share of the requests only, chosen at random. */
    Fault withProbability(double share) {
        return new Fault(model, mode, status, latencyMs, share);
    }
}
