package dev.llmuptime.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.Optional;

/**
 * How long Kafka keeps the records of each topic the services create ({@code retention.ms}).
 * Alerts are the audit record, so they are kept longest. Dead letters are kept as long as the
 * topic they came from unless {@code dead-letters} says otherwise.
 */
public record RetentionConfig(
        @JsonProperty("probe-results") Duration probeResults,
        @JsonProperty("stats") Duration stats,
        @JsonProperty("alerts") Duration alerts,
        @JsonProperty("dead-letters") Duration deadLetters) {

    public static final RetentionConfig DEFAULT = new RetentionConfig(null, null, null, null);

    public RetentionConfig {
        probeResults = Check.positive("probe-results", probeResults, Duration.ofDays(30));
        stats = Check.positive("stats", stats, Duration.ofDays(30));
        alerts = Check.positive("alerts", alerts, Duration.ofDays(365));
        if (deadLetters != null) {
            deadLetters = Check.positive("dead-letters", deadLetters, null);
        }
    }

    /** The retention configured for {@code topic}, with the key that sets it; empty for topics it does not cover. */
    Optional<TopicRetention> of(TopicsConfig topics, String topic) {
        if (topic.endsWith(TopicsConfig.DEAD_LETTER_SUFFIX)) {
            String source = topic.substring(0, topic.length() - TopicsConfig.DEAD_LETTER_SUFFIX.length());
            return ofSource(topics, source).map(sourceRetention -> deadLetters == null ? sourceRetention
                    : new TopicRetention("kafka.retention.dead-letters", deadLetters));
        }
        return ofSource(topics, topic);
    }

    private Optional<TopicRetention> ofSource(TopicsConfig topics, String topic) {
        if (topic.equals(topics.probeResults())) {
            return Optional.of(new TopicRetention("kafka.retention.probe-results", probeResults));
        }
        if (topic.equals(topics.stats())) {
            return Optional.of(new TopicRetention("kafka.retention.stats", stats));
        }
        if (topic.equals(topics.alerts())) {
            return Optional.of(new TopicRetention("kafka.retention.alerts", alerts));
        }
        return Optional.empty();
    }
}
