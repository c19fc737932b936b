package dev.llmuptime.simulator;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A behaviour of the simulated provider for one model ({@code *} for all). {@code status} is
 * used by {@code error} and {@code stream-error}; {@code latencyMs} by {@code slow} (extra delay) and {@code drip} (delay
 * between bytes); {@code probability} is the share of requests it applies to.
 */
public record Fault(
        @JsonProperty("model") String model,
        @JsonProperty("mode") FaultMode mode,
        @JsonProperty("status") Integer status,
        @JsonProperty("latencyMs") Long latencyMs,
        @JsonProperty("probability") Double probability) {

    public static final String ALL_MODELS = "*";

    public Fault {
        model = model == null || model.isBlank() ? ALL_MODELS : model;
        mode = mode == null ? FaultMode.HEALTHY : mode;
        status = status == null ? defaultStatus(mode) : status;
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status must be an HTTP status from 100 to 599, got " + status);
        }
        latencyMs = latencyMs == null ? (mode == FaultMode.DRIP ? 1000L : 3000L) : latencyMs;
        if (latencyMs < 0) {
            throw new IllegalArgumentException("latencyMs must not be negative, got " + latencyMs);
        }
        probability = probability == null ? 1.0 : probability;
        if (probability < 0 || probability > 1) {
            throw new IllegalArgumentException("probability must be from 0 to 1, got " + probability);
        }
    }

    public static Fault healthy(String model) {
        return new Fault(model, FaultMode.HEALTHY, null, null, null);
    }

    public static Fault of(String model, FaultMode mode) {
        return new Fault(model, mode, null, null, null);
    }

    private static int defaultStatus(FaultMode mode) {
        return switch (mode) {
            case ERROR -> 500;
            case RATE_LIMIT -> 429;
            case STREAM_ERROR -> 529;
            default -> 200;
        };
    }
}
