package dev.llmuptime.config;

import java.util.regex.Pattern;

/** Kafka's own rule for topic names, checked at load so a typo fails at start, not at first send. */
final class TopicNames {

    private static final Pattern LEGAL = Pattern.compile("[a-zA-Z0-9._-]{1,244}");

    private TopicNames() {
    }

    static void validate(String key, String topic) {
        if (!LEGAL.matcher(topic).matches() || topic.equals(".") || topic.equals("..")) {
            throw new InvalidValueException(key, "'" + topic + "' is not a valid Kafka topic name "
                    + "(letters, digits, '.', '_', '-'; at most 244 characters)");
        }
    }
}
