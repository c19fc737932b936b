package dev.llmuptime.ops;

import dev.llmuptime.config.TopicRetention;

/** A topic's retention as found on the broker, next to the one configured for it. */
public record RetentionCheck(String topic, TopicRetention configured, long actualMillis) {

    public boolean differs() {
        return actualMillis != configured.millis();
    }
}
