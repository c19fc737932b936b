package dev.llmuptime.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Names of the topics the services share. Each has a {@code <topic>.dlq} for undecodable records. */
public record TopicsConfig(
        @JsonProperty("probe-results") String probeResults,
        @JsonProperty("stats") String stats,
        @JsonProperty("alerts") String alerts) {

    public static final TopicsConfig DEFAULT = new TopicsConfig(null, null, null);

    /** What names a topic's dead letter topic after it. */
    public static final String DEAD_LETTER_SUFFIX = ".dlq";

    public TopicsConfig {
        probeResults = Check.orDefault(probeResults, "llm.probe.results");
        stats = Check.orDefault(stats, "llm.probe.stats");
        alerts = Check.orDefault(alerts, "llm.alerts");
        TopicNames.validate("probe-results", probeResults);
        TopicNames.validate("stats", stats);
        TopicNames.validate("alerts", alerts);
    }

    /** The dead letter topic of {@code topic}. */
    public static String deadLetterTopic(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
