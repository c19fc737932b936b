package dev.llmuptime.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;

/**
 * The aggregator's section: window sizes, how late a probe may arrive, the dashboard port, the URL
 * other instances reach this one at, where its state lives and how many standby copies it keeps.
 */
public record AggregationConfig(
        @JsonProperty("windows") List<Duration> windows,
        @JsonProperty("grace") Duration grace,
        @JsonProperty("http-port") Integer httpPort,
        @JsonProperty("advertised-url") URI advertisedUrl,
        @JsonProperty("state-dir") String stateDir,
        @JsonProperty("standby-replicas") Integer standbyReplicas) {

    public static final AggregationConfig DEFAULT = new AggregationConfig(null, null, null, null, null, null);

    /** Windows, grace and port as given; the other settings at their defaults. */
    public AggregationConfig(List<Duration> windows, Duration grace, Integer httpPort) {
        this(windows, grace, httpPort, null, null, null);
    }

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
        // Port 0 stays 0 here: the service advertises the port it is given.
        advertisedUrl = Check.httpUrl("advertised-url", Check.orDefault(advertisedUrl,
                URI.create("http://localhost:" + httpPort)));
        stateDir = Check.orDefault(stateDir, "./.local-data/streams");
        if (stateDir.isBlank()) {
            throw new InvalidValueException("state-dir", "must not be empty");
        }
        standbyReplicas = Check.between("standby-replicas", standbyReplicas, 1, 0, 10);
    }

    /** The advertised URL's port, or its scheme's default when it names none. */
    public int advertisedPort() {
        if (advertisedUrl.getPort() >= 0) {
            return advertisedUrl.getPort();
        }
        return "https".equals(advertisedUrl.getScheme()) ? 443 : 80;
    }
}
