package dev.llmuptime.aggregator;

import com.datadoghq.sketch.ddsketch.DDSketch;
import dev.llmuptime.aggregator.state.Streak;
import dev.llmuptime.aggregator.state.WindowAccumulator;
import dev.llmuptime.schema.Percentiles;
import dev.llmuptime.schema.Sketches;
import dev.llmuptime.schema.UptimeCounts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Reads the aggregator's state stores (interactive queries): time series of windows, and
 * roll-ups over any period, merged exactly from the windows' counts and sketches.
 */
final class StatsQueries {

    private final Supplier<KafkaStreams> streams;
    private final List<Duration> windows;
    private final boolean stale;

    /** Reads the active stores of {@code streams}, which may be created after these queries. */
    StatsQueries(Supplier<KafkaStreams> streams, List<Duration> windows) {
        this(streams, windows, false);
    }

    private StatsQueries(Supplier<KafkaStreams> streams, List<Duration> windows, boolean stale) {
        this.streams = streams;
        this.windows = windows.stream().sorted().toList();
        this.stale = stale;
    }

    /** The same queries, answered also from standby and restoring stores. */
    StatsQueries includingStale() {
        return new StatsQueries(streams, windows, true);
    }

    List<Duration> windows() {
        return windows;
    }

    /** Every target seen, with its streak across all regions. */
    Map<String, Streak> targets() {
        Map<String, Streak> targets = new TreeMap<>();
        try (KeyValueIterator<String, Streak> all = streaks().all()) {
            all.forEachRemaining(entry -> {
                StreakKey key = StreakKey.parse(entry.key);
                if (key.region().equals(WindowStatsProcessor.ALL_REGIONS)) {
                    targets.put(key.targetId(), entry.value);
                }
            });
        }
        return targets;
    }

    /** Closed and open windows of one target, region and size starting in [from, to), oldest first. */
    List<WindowAccumulator> series(String targetId, String region, Duration window, Instant from, Instant to) {
        List<WindowAccumulator> series = new ArrayList<>();
        String key = new SeriesKey(targetId, region, window.toMillis()).encode();
        ReadOnlyWindowStore<String, WindowAccumulator> history = store(StoreQueryParameters.fromNameAndType(
                HistoryRetention.storeName(window), QueryableStoreTypes.windowStore()));
        try (WindowStoreIterator<WindowAccumulator> closed = history.fetch(key, from, to.minusMillis(1))) {
            closed.forEachRemaining(entry -> series.add(entry.value));
        }
        try (KeyValueIterator<String, WindowAccumulator> open = live().prefixScan(key, new StringSerializer())) {
            open.forEachRemaining(entry -> {
                long start = entry.value.getWindowStart();
                if (start >= from.toEpochMilli() && start < to.toEpochMilli()) {
                    series.add(entry.value);
                }
            });
        }
        series.sort(Comparator.comparingLong(WindowAccumulator::getWindowStart));
        return series;
    }

    /** The regions that probe {@code targetId}, each with its streak there; {@code *} left out. */
    Map<String, Streak> regions(String targetId) {
        Map<String, Streak> regions = new TreeMap<>();
        try (KeyValueIterator<String, Streak> all = streaks().prefixScan(StoreKeyFormat.join(targetId, ""),
                new StringSerializer())) {
            all.forEachRemaining(entry -> {
                StreakKey key = StreakKey.parse(entry.key);
                if (key.targetId().equals(targetId) && !key.region().equals(WindowStatsProcessor.ALL_REGIONS)) {
                    regions.put(key.region(), entry.value);
                }
            });
        }
        return regions;
    }

    /** Counts and sketches of every window of {@code targetId} in the last {@code period}, merged. */
    Rollup rollup(String targetId, Duration period, Instant now) {
        return rollup(targetId, WindowStatsProcessor.ALL_REGIONS, period, now);
    }

    /** The same in one region ({@code *}: all regions). */
    Rollup rollup(String targetId, String region, Duration period, Instant now) {
        Duration window = windowFor(period);
        Instant from = now.minus(period);
        Rollup rollup = new Rollup();
        for (WindowAccumulator state : series(targetId, region, window,
                from.minusMillis(from.toEpochMilli() % window.toMillis()), now.plusMillis(1))) {
            rollup.add(state);
        }
        return rollup;
    }

    /** The largest window size that still gives at least six windows in the period, else the smallest. */
    Duration windowFor(Duration period) {
        Duration chosen = windows.get(0);
        for (Duration window : windows) {
            if (window.multipliedBy(6).compareTo(period) <= 0) {
                chosen = window;
            }
        }
        return chosen;
    }

    /**
     * For charts of {@code range}: the smallest window size giving at most 300 points whose closed
     * windows are kept that long, else the largest.
     */
    Duration chartWindow(Duration range) {
        for (Duration window : windows) {
            if (range.dividedBy(window) <= 300 && HistoryRetention.of(window).compareTo(range) >= 0) {
                return window;
            }
        }
        return windows.get(windows.size() - 1);
    }

    Optional<Streak> streak(String targetId) {
        return streak(targetId, WindowStatsProcessor.ALL_REGIONS);
    }

    Optional<Streak> streak(String targetId, String region) {
        return Optional.ofNullable(streaks().get(new StreakKey(targetId, region).encode()));
    }

    private ReadOnlyKeyValueStore<String, WindowAccumulator> live() {
        return store(StoreQueryParameters.fromNameAndType(WindowStatsProcessor.LIVE_STORE,
                QueryableStoreTypes.keyValueStore()));
    }

    private ReadOnlyKeyValueStore<String, Streak> streaks() {
        return store(StoreQueryParameters.fromNameAndType(WindowStatsProcessor.STREAK_STORE,
                QueryableStoreTypes.keyValueStore()));
    }

    private <T> T store(StoreQueryParameters<T> parameters) {
        KafkaStreams running = streams.get();
        if (running == null) {
            throw new InvalidStateStoreException("Kafka Streams has not been created yet");
        }
        return running.store(stale ? parameters.enableStaleStores() : parameters);
    }

    /** Windows merged: exact counts, and sketches merged into the sketch of all their probes. */
    static final class Rollup {
        private UptimeCounts uptime = new UptimeCounts(0, 0);
        private long count;
        private final Map<String, Long> outcomeCounts = new TreeMap<>();
        private final DDSketch latency = Sketches.empty();
        private final DDSketch ttft = Sketches.empty();
        private double latencyMax;
        private double ttftMax;
        private double latencySum;
        private double ttftSum;
        private String provider;
        private String model;
        private String check;

        void add(WindowAccumulator state) {
            uptime = uptime.plus(UptimeCounts.of(state.getCount(), state.getOutcomeCounts()));
            count += state.getCount();
            state.getOutcomeCounts().forEach((outcome, n) -> outcomeCounts.merge(outcome.toString(), n, Long::sum));
            latency.mergeWith(Sketches.decode(state.getLatencySketch()));
            ttft.mergeWith(Sketches.decode(state.getTtftSketch()));
            latencyMax = Math.max(latencyMax, state.getLatencyMax());
            ttftMax = Math.max(ttftMax, state.getTtftMax());
            latencySum += state.getLatencySum();
            ttftSum += state.getTtftSum();
            provider = state.getProvider();
            model = state.getModel();
            check = state.getCheck();
        }

        Double uptime() {
            return uptime.uptime();
        }

        long count() {
            return count;
        }

        /** Probes by outcome name, in name order. */
        Map<String, Long> outcomeCounts() {
            return Collections.unmodifiableMap(new TreeMap<>(outcomeCounts));
        }

        Percentiles latency() {
            return Sketches.percentiles(latency, latencySum, latencyMax);
        }

        Percentiles ttft() {
            return Sketches.percentiles(ttft, ttftSum, ttftMax);
        }

        String provider() {
            return provider;
        }

        String model() {
            return model;
        }

        String check() {
            return check;
        }
    }
}
