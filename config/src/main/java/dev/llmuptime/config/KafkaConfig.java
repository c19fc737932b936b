package dev.llmuptime.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.HashMap;
import java.util.Map;

/**
 * How every service reaches Kafka. {@code client} is passed through to every Kafka client
 * (security.protocol, ssl.*, sasl.*).
 */
public record KafkaConfig(
        @JsonProperty("bootstrap-servers") String bootstrapServers,
        @JsonProperty("topics") TopicsConfig topics,
        @JsonProperty("partitions") Integer partitions,
        @JsonProperty("replication-factor") Integer replicationFactor,
        @JsonProperty("client") Map<String, String> client) {

    public static final KafkaConfig DEFAULT = new KafkaConfig(null, null, null, null, null);

    public KafkaConfig {
        bootstrapServers = Check.orDefault(bootstrapServers, "localhost:9092");
        if (bootstrapServers.isBlank()) {
            throw new InvalidValueException("bootstrap-servers", "must name at least one host:port");
        }
        topics = Check.orDefault(topics, TopicsConfig.DEFAULT);
        partitions = Check.atLeast("partitions", partitions, 6, 1);
        replicationFactor = Check.atLeast("replication-factor", replicationFactor, 1, 1);
        client = KafkaClientSettings.validate(Check.orDefault(client, Map.of()));
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
