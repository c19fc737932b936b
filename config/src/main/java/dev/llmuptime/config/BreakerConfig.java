package dev.llmuptime.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;

/**
 * A webhook's circuit breaker ({@code circuit-breaker}): once at least {@code minimum-calls} of the
 * last {@code sliding-window} calls were made and {@code failure-rate-threshold} percent of them
 * failed, no call is made for {@code wait-in-open}; then {@code half-open-calls} trial calls decide
 * whether it closes again. Every key is optional.
 */
public record BreakerConfig(
        @JsonProperty("failure-rate-threshold") Integer failureRateThreshold,
        @JsonProperty("sliding-window") Integer slidingWindow,
        @JsonProperty("minimum-calls") Integer minimumCalls,
        @JsonProperty("wait-in-open") Duration waitInOpen,
        @JsonProperty("half-open-calls") Integer halfOpenCalls) {

    public static final BreakerConfig DEFAULT = new BreakerConfig(null, null, null, null, null);

    public BreakerConfig {
        failureRateThreshold = Check.between("failure-rate-threshold", failureRateThreshold, 50, 1, 100);
        slidingWindow = Check.atLeast("sliding-window", slidingWindow, 10, 1);
        minimumCalls = Check.atLeast("minimum-calls", minimumCalls, Math.min(5, slidingWindow), 1);
        if (minimumCalls > slidingWindow) {
            throw new InvalidValueException("minimum-calls", "(" + minimumCalls + ") must not be more than sliding-window ("
                    + slidingWindow + ")");
        }
        waitInOpen = Check.positive("wait-in-open", waitInOpen, Duration.ofSeconds(30));
        halfOpenCalls = Check.atLeast("half-open-calls", halfOpenCalls, 1, 1);
    }
}
