package dev.llmuptime.ops;

import java.time.Duration;
import java.util.Map;

/**
 * How soon a consumer group notices a member that died without leaving (SIGKILL, a lost host), and
 * gives its partitions to the others: the session timeout. Kafka's default, 45 s, would leave a
 * crashed aggregator's targets without fresh stats, or a crashed alert consumer's alerts undecided,
 * for that long; 10 s is three of the default 3 s heartbeats. {@code kafka.client} may set another.
 */
public final class GroupSession {

    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static final String SESSION_TIMEOUT_MS = "session.timeout.ms";

    private GroupSession() {
    }

    /** Adds the session timeout to consumer {@code properties} that do not set one. */
    public static Map<String, Object> withTimeout(Map<String, Object> properties) {
        properties.putIfAbsent(SESSION_TIMEOUT_MS, (int) TIMEOUT.toMillis());
        return properties;
    }
}
