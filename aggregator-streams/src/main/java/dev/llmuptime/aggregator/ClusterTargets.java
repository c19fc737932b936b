package dev.llmuptime.aggregator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.StreamsMetadata;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The targets of every aggregator instance in one list. An instance that cannot answer is named
 * with its partitions, and the answer becomes {@code {"partial": true, "missing": [...], "targets": [...]}};
 * a complete answer stays the bare list of targets.
 */
final class ClusterTargets {

    private final ClusterMetadata cluster;
    private final Peers peers;
    private final ObjectMapper mapper;

    ClusterTargets(ClusterMetadata cluster, Peers peers, ObjectMapper mapper) {
        this.cluster = cluster;
        this.peers = peers;
        this.mapper = mapper;
    }

    /**
     * Merges {@code local} (this instance's targets) with the local answers of the other {@code instances}
     * to {@code path}, a list of targets such as {@code /api/v1/targets}.
     */
    Mono<JsonNode> gather(String path, Mono<JsonNode> local, List<StreamsMetadata> instances) {
        return Flux.fromIterable(instances)
                .flatMap(instance -> (cluster.isSelf(instance.hostInfo()) ? local : remote(instance, path))
                        .map(targets -> new Part(targets, null))
                        .onErrorResume(failure -> Mono.just(new Part(null, missing(instance, failure)))))
                .collectList()
                .map(this::merge);
    }

    private Mono<JsonNode> remote(StreamsMetadata instance, String path) {
        return peers.getLocal(instance.hostInfo(), path).flatMap(answer -> {
            if (answer.status() != 200) {
                return Mono.error(new IOException("HTTP " + answer.status()));
            }
            try {
                return Mono.just(mapper.readTree(answer.body()));
            } catch (IOException e) {
                return Mono.error(e);
            }
        });
    }

    private JsonNode merge(List<Part> parts) {
        Map<String, JsonNode> byId = new TreeMap<>();
        ArrayNode missing = mapper.createArrayNode();
        for (Part part : parts) {
            if (part.missing() != null) {
                missing.add(part.missing());
            } else {
                // During a hand-over two instances may both list a target: the first answer is kept.
                part.targets().forEach(target -> byId.putIfAbsent(target.path("targetId").asText(), target));
            }
        }
        ArrayNode targets = mapper.createArrayNode().addAll(byId.values());
        if (missing.isEmpty()) {
            return targets;
        }
        ObjectNode partial = mapper.createObjectNode().put("partial", true);
        partial.set("missing", missing);
        partial.set("targets", targets);
        return partial;
    }

    private ObjectNode missing(StreamsMetadata instance, Throwable failure) {
        ObjectNode missing = mapper.createObjectNode()
                .put("instance", instance.hostInfo().host() + ":" + instance.hostInfo().port());
        ArrayNode partitions = missing.putArray("partitions");
        instance.topicPartitions().stream().map(TopicPartition::toString).sorted().forEach(partitions::add);
        missing.put("error", String.valueOf(failure.getMessage() == null ? failure.getClass().getSimpleName()
                : failure.getMessage()));
        return missing;
    }

    private record Part(JsonNode targets, ObjectNode missing) {
    }
}
