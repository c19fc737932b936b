package dev.llmuptime.aggregator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmuptime.aggregator.state.Streak;
import dev.llmuptime.config.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One target over a range (1h, 24h or 7d), for the dashboard: all regions together and a row per
 * region that probes it, each with its probe count, uptime, latency and TTFT percentiles, counts by
 * outcome, its latest probe and streak, and the backoff its prober is in (all regions: the longest).
 */
final class TargetSummary {

    private final StatsJson json;
    private final ObjectMapper mapper;

    TargetSummary(ObjectMapper mapper) {
        this.mapper = mapper;
        this.json = new StatsJson(mapper);
    }

    ObjectNode of(StatsQueries queries, String targetId, Map.Entry<String, Duration> range, Instant now) {
        ObjectNode summary = mapper.createObjectNode().put("targetId", targetId).put("range", range.getKey())
                .put("window", Durations.format(queries.windowFor(range.getValue())))
                .put("chartWindow", Durations.format(queries.chartWindow(range.getValue())));
        Map<String, Streak> streaks = queries.regions(targetId);
        summary.set("all", row(queries, targetId, WindowStatsProcessor.ALL_REGIONS,
                queries.streak(targetId).orElse(null), RegionBackoff.longest(streaks, now), range.getValue(), now));
        ArrayNode regions = summary.putArray("regions");
        streaks.forEach((region, streak) -> regions.add(row(queries, targetId, region, streak,
                RegionBackoff.of(region, streak, now), range.getValue(), now)));
        return summary;
    }

    private ObjectNode row(StatsQueries queries, String targetId, String region, Streak streak,
            Optional<RegionBackoff> backoff, Duration period, Instant now) {
        StatsQueries.Rollup rollup = queries.rollup(targetId, region, period, now);
        ObjectNode row = mapper.createObjectNode().put("region", region).put("count", rollup.count())
                .put("uptime", rollup.uptime());
        row.set("latency", json.percentiles(rollup.latency()));
        row.set("ttft", json.percentiles(rollup.ttft()));
        ObjectNode outcomes = row.putObject("outcomeCounts");
        rollup.outcomeCounts().forEach(outcomes::put);
        if (streak != null) {
            row.put("lastProbeAt", Instant.ofEpochMilli(streak.getLastProbeAt()).toString())
                    .put("lastOutcome", streak.getLastOutcome())
                    .put("consecutiveFailures", streak.getConsecutiveFailures())
                    .put("consecutiveSuccesses", streak.getConsecutiveSuccesses());
        }
        row.set("backoff", json.backoff(backoff));
        return row;
    }
}
