package dev.llmuptime.config;

import java.time.Duration;

/** How long a topic keeps its records, and the config key that says so (for messages about it). */
public record TopicRetention(String key, Duration duration) {

    /** The value of the topic's {@code retention.ms}. */
    public long millis() {
        return duration.toMillis();
    }
}
