package dev.llmuptime.aggregator;

import dev.llmuptime.schema.Percentiles;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-target gauges over the dashboard's ranges (1h, 24h, 7d): probes by outcome, uptime, and
 * latency and TTFT p50/p95/p99 in ms, read from the same roll-ups of the same sketches the
 * dashboard shows, so an exported number is the number on the dashboard; and 1 for each region whose
 * prober is in backoff for the target, by reason. Each instance exports the targets whose state it holds.
 */
final class TargetGauges {

    private static final Logger log = LoggerFactory.getLogger(TargetGauges.class);

    private final StatsQueries queries;
    private final Clock clock;
    private final MultiGauge probes;
    private final MultiGauge uptime;
    private final MultiGauge latency;
    private final MultiGauge ttft;
    private final MultiGauge backoff;

    TargetGauges(StatsQueries queries, MeterRegistry registry, Clock clock) {
        this.queries = queries;
        this.clock = clock;
        this.probes = MultiGauge.builder("llm.target.probes").description("Probes of the target in the range, by outcome")
                .register(registry);
        this.uptime = MultiGauge.builder("llm.target.uptime").description("Uptime of the target in the range, 0 to 1")
                .register(registry);
        this.latency = MultiGauge.builder("llm.target.latency").baseUnit("milliseconds")
                .description("Latency percentile of the target's up probes in the range").register(registry);
        this.ttft = MultiGauge.builder("llm.target.ttft").baseUnit("milliseconds")
                .description("Time-to-first-token percentile of the target's up probes in the range")
                .register(registry);
        this.backoff = MultiGauge.builder("llm.target.backoff")
                .description("1 while the region's prober waits longer than the target's interval, by reason")
                .register(registry);
    }

    /** Reads every target's roll-ups again; while the stores are not queryable, the last values stay. */
    void refresh() {
        List<MultiGauge.Row<?>> probeRows = new ArrayList<>();
        List<MultiGauge.Row<?>> uptimeRows = new ArrayList<>();
        List<MultiGauge.Row<?>> latencyRows = new ArrayList<>();
        List<MultiGauge.Row<?>> ttftRows = new ArrayList<>();
        List<MultiGauge.Row<?>> backoffRows = new ArrayList<>();
        Instant now = clock.instant();
        try {
            for (String targetId : queries.targets().keySet()) {
                queries.regions(targetId).forEach((region, streak) -> RegionBackoff.of(region, streak, now)
                        .ifPresent(wait -> backoffRows.add(MultiGauge.Row.of(Tags.of("target", targetId,
                                "region", region, "reason", wait.reason()), 1))));
                for (Map.Entry<String, Duration> range : StatsApi.UPTIME_PERIODS) {
                    StatsQueries.Rollup rollup = queries.rollup(targetId, range.getValue(), now);
                    Tags tags = Tags.of("target", targetId, "range", range.getKey());
                    rollup.outcomeCounts().forEach((outcome, count) ->
                            probeRows.add(MultiGauge.Row.of(tags.and("outcome", outcome), count)));
                    if (rollup.uptime() != null) {
                        uptimeRows.add(MultiGauge.Row.of(tags, rollup.uptime()));
                    }
                    addPercentiles(latencyRows, tags, rollup.latency());
                    addPercentiles(ttftRows, tags, rollup.ttft());
                }
            }
        } catch (InvalidStateStoreException e) {
            log.debug("Target gauges kept: state stores not queryable ({})", e.getMessage());
            return;
        }
        probes.register(probeRows, true);
        uptime.register(uptimeRows, true);
        latency.register(latencyRows, true);
        ttft.register(ttftRows, true);
        backoff.register(backoffRows, true);
    }

    private static void addPercentiles(List<MultiGauge.Row<?>> rows, Tags tags, Percentiles percentiles) {
        if (percentiles == null) {
            return;
        }
        rows.add(MultiGauge.Row.of(tags.and("quantile", "p50"), percentiles.getP50()));
        rows.add(MultiGauge.Row.of(tags.and("quantile", "p95"), percentiles.getP95()));
        rows.add(MultiGauge.Row.of(tags.and("quantile", "p99"), percentiles.getP99()));
    }
}
