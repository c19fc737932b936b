package dev.llmuptime.alert;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Utils;

/**
 * The partition of a target's records in a topic keyed by target id, as Kafka's default
 * partitioner (the aggregator's, for the stats) puts them: the state of a (rule, target) goes to
 * the same partition number of the state topic, so the stats' owner finds it there.
 */
record TargetPartitioner(int partitions) {

    int partitionOf(String targetId) {
        return Utils.toPositive(Utils.murmur2(targetId.getBytes(StandardCharsets.UTF_8))) % partitions;
    }
}
