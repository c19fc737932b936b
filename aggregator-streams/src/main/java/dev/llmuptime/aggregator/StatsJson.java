package dev.llmuptime.aggregator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmuptime.schema.Percentiles;
import dev.llmuptime.schema.WindowStats;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Optional;

/** The JSON shapes of the HTTP API: WindowStats field for field, timestamps as ISO-8601 UTC. */
final class StatsJson {

    private final ObjectMapper json;

    StatsJson(ObjectMapper json) {
        this.json = json;
    }

    ObjectNode windowStats(WindowStats stats) {
        ObjectNode node = json.createObjectNode()
                .put("targetId", stats.getTargetId()).put("provider", stats.getProvider())
                .put("model", stats.getModel()).put("check", stats.getCheck()).put("region", stats.getRegion())
                .put("windowSize", stats.getWindowSize())
                .put("windowStart", stats.getWindowStart().toString())
                .put("windowEnd", stats.getWindowEnd().toString())
                .put("final", stats.getFinal$())
                .put("count", stats.getCount());
        ObjectNode counts = node.putObject("outcomeCounts");
        stats.getOutcomeCounts().forEach(counts::put);
        node.put("uptime", stats.getUptime());
        node.set("latency", percentiles(stats.getLatency()));
        node.set("ttft", percentiles(stats.getTtft()));
        node.put("tokensPerSecondP50", stats.getTokensPerSecondP50());
        node.put("latencySketch", base64(stats.getLatencySketch()));
        node.put("lastProbeAt", stats.getLastProbeAt().toString());
        node.put("lastOutcome", stats.getLastOutcome().name());
        node.put("consecutiveFailures", stats.getConsecutiveFailures());
        node.put("consecutiveSuccesses", stats.getConsecutiveSuccesses());
        node.put("emittedAt", stats.getEmittedAt().toString());
        return node;
    }

    ObjectNode percentiles(Percentiles percentiles) {
        if (percentiles == null) {
            return null;
        }
        return json.createObjectNode().put("p50", percentiles.getP50()).put("p90", percentiles.getP90())
                .put("p95", percentiles.getP95()).put("p99", percentiles.getP99()).put("max", percentiles.getMax())
                .put("mean", percentiles.getMean());
    }

    /** {@code {"reason", "until", "region"}}, or null when no region waits. */
    JsonNode backoff(Optional<RegionBackoff> backoff) {
        return backoff.<JsonNode>map(wait -> json.createObjectNode().put("reason", wait.reason())
                .put("until", wait.until().toString()).put("region", wait.region()))
                .orElse(json.nullNode());
    }

    ObjectNode error(String message) {
        return json.createObjectNode().put("error", message);
    }

    private static String base64(ByteBuffer bytes) {
        if (bytes == null) {
            return null;
        }
        byte[] array = new byte[bytes.remaining()];
        bytes.duplicate().get(array);
        return Base64.getEncoder().encodeToString(array);
    }
}
