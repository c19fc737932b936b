package dev.llmuptime.simulator;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How the simulated provider misbehaves for a model. */
public enum FaultMode {
    /** Answers normally. */
    HEALTHY,
    /** Answers with the fault's HTTP status and an error body shaped as the provider shapes it. */
    ERROR,
    /** 429 with {@code Retry-After}, the provider's rate-limit error and its remaining requests at 0. */
    RATE_LIMIT,
    /** A stream fails halfway with the provider's error event for the fault's status; other answers with the status. */
    STREAM_ERROR,
    /** 200, but the provider's safety filter stops the answer after two tokens, with the provider's reason. */
    CONTENT_FILTER,
    /** Answers correctly after an extra {@code latencyMs}. */
    SLOW,
    /** Accepts the request and never answers. */
    HANG,
    /** 200 with a body that is not JSON (or, for streams, not SSE). */
    GARBAGE,
    /** Starts a correct answer and closes the connection halfway: no terminator, no finish reason. */
    TRUNCATE,
    /** 200 at once, then the body one byte every {@code latencyMs}: slower than any sane timeout. */
    DRIP;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @JsonCreator
    public static FaultMode fromWire(String text) {
        for (FaultMode mode : values()) {
            if (mode.wireName().equals(text)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown mode '" + text + "'; expected one of "
                + Arrays.stream(values()).map(FaultMode::wireName).collect(Collectors.joining(", ")));
    }
}
