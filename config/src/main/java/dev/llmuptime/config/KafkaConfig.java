package dev.llmuptime.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How every service reaches Kafka. {@code client} is passed through to every Kafka client
 * (security.protocol, ssl.*, sasl.*); {@code retention} is set on the topics the services create.
 */
public record KafkaConfig(
        @JsonProperty("bootstrap-servers") String bootstrapServers,
        @JsonProperty("topics") TopicsConfig topics,
        @JsonProperty("partitions") Integer partitions,
        @JsonProperty("replication-factor") Integer replicationFactor,
        @JsonProperty("client") Map<String, String> client,
        @JsonProperty("retention") RetentionConfig retention) {

    public static final KafkaConfig DEFAULT = new KafkaConfig(null, null, null, null, null);

    /** Everything but retention as given; retention at its defaults. */
    public KafkaConfig(String bootstrapServers, TopicsConfig topics, Integer partitions, Integer replicationFactor,
            Map<String, String> client) {
        this(bootstrapServers, topics, partitions, replicationFactor, client, null);
    }

    public KafkaConfig {
        bootstrapServers = Check.orDefault(bootstrapServers, "localhost:9092");
        if (bootstrapServers.isBlank()) {
            throw new InvalidValueException("bootstrap-servers", "must name at least one host:port");
        }
        topics = Check.orDefault(topics, TopicsConfig.DEFAULT);
        partitions = Check.atLeast("partitions", partitions, 6, 1);
        replicationFactor = Check.atLeast("replication-factor", replicationFactor, 1, 1);
        client = KafkaClientSettings.validate(Check.orDefault(client, Map.of()));
        retention = Check.orDefault(retention, RetentionConfig.DEFAULT);
    }

    /** The same settings on other brokers. */
    public KafkaConfig withBootstrapServers(String servers) {
        return new KafkaConfig(servers, topics, partitions, replicationFactor, client, retention);
    }

    /** The retention configured for {@code topic}; empty for topics whose retention is the broker's or compaction's. */
    public Optional<TopicRetention> retentionOf(String topic) {
        return retention.of(topics, topic);
    }

    /** Properties every Kafka client starts from: the bootstrap servers and the pass-through ones. */
    public Map<String, Object> clientProperties() {
        Map<String, Object> properties = new HashMap<>(client);
        properties.put("bootstrap.servers", bootstrapServers);
        return properties;
    }

    /** Shows {@code client} with the values of its secret settings (passwords, JAAS config) hidden. */
    @Override
    public String toString() {
        return "KafkaConfig[bootstrapServers=" + bootstrapServers + ", topics=" + topics + ", partitions=" + partitions
                + ", replicationFactor=" + replicationFactor + ", client=" + KafkaClientSettings.shown(client) + "]";
    }
}
