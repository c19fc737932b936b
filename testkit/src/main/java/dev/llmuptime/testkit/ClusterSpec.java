package dev.llmuptime.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.utils.Utils;

/**
 * What every instance of a {@link ServiceCluster} shares: the broker, a name that makes its topics,
 * region, Kafka Streams application and groups its own, the partitions of its topics, the targets
 * (id to model of the simulated provider at {@code simBaseUrl}) with their probe interval, the
 * aggregator's grace, the webhook the alert consumers deliver to, and Kafka client settings for the
 * aggregators and alert consumers (for example a shorter {@code session.timeout.ms}).
 */
public record ClusterSpec(String bootstrapServers, String name, int partitions, String simBaseUrl,
        Map<String, String> targetModels, Duration interval, Duration grace, String webhookUrl,
        Map<String, String> groupClient) {

    public ClusterSpec {
        targetModels = new LinkedHashMap<>(targetModels);
        groupClient = new LinkedHashMap<>(groupClient);
    }

    public List<String> targets() {
        return List.copyOf(targetModels.keySet());
    }

    public String resultsTopic() {
        return name + ".results";
    }

    public String statsTopic() {
        return name + ".stats";
    }

    public String alertsTopic() {
        return name + ".alerts";
    }

    /** The partition of a target's records in the cluster's topics, as Kafka's default partitioner puts them. */
    public int partitionOf(String targetId) {
        return Utils.toPositive(Utils.murmur2(targetId.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /** The probers' region: one per cluster, so they all share its targets. */
    public String region() {
        return name;
    }
}
