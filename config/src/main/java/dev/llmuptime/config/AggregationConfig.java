package dev.llmuptime.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;

/** The aggregator's section: window sizes, how late a probe may arrive, and the dashboard port. */
public record AggregationConfig(
        @JsonProperty("windows") List<Duration> windows,
        @JsonProperty("grace") Duration grace,
        @JsonProperty("http-port") Integer httpPort) {

    public static final AggregationConfig DEFAULT = new AggregationConfig(null, null, null);

    public AggregationConfig {
        windows = List.copyOf(Check.orDefault(windows, List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
                Duration.ofHours(1))));
        if (windows.isEmpty()) {
            throw new InvalidValueException("windows", "must list at least one window size");
        }
        for (Duration window : windows) {
            if (window.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new InvalidValueException("windows", "sizes must be at least 1s, got "
                        + Durations.format(window));
            }
        }
        if (new HashSet<>(windows).size() != windows.size()) {
            throw new InvalidValueException("windows", "lists a size twice");
        }
        grace = Check.notNegative("grace", grace, Duration.ofSeconds(10));
        httpPort = Check.port("http-port", httpPort, 8080);
    }
}
