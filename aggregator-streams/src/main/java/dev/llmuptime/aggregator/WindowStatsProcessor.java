package dev.llmuptime.aggregator;

import dev.llmuptime.aggregator.state.Streak;
import dev.llmuptime.aggregator.state.WindowAccumulator;
import dev.llmuptime.schema.ProbeResult;
import dev.llmuptime.schema.WindowStats;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Turns probe results into per-target window stats, for every window size, per region and for
 * all regions ({@code *}). Windows are tumbling and aligned to the epoch; a window closes when
 * stream time passes its end plus grace, and a result for a closed window is dropped and counted.
 *
 * <p>While a window is open its stats are emitted live, at most once per {@link #LIVE_INTERVAL}
 * per window: the first change after a quiet second goes out at once, so an outage shows up
 * downstream within the commit interval; later changes in that second wait for the punctuator.
 * Once the window closes, one {@code final = true} record follows and the window moves to its
 * size's history store (a window store with retention), which the HTTP API reads.
 *
 * <p>Open windows and streaks are read and changed in memory, decoded ({@link WriteBehindStore});
 * each changed one is written to its store and changelog once per commit. Memory holds only open
 * windows (a closed one leaves it), at most {@link #HELD_WINDOWS} of them and {@link #HELD_STREAKS}
 * streaks; beyond that the least recently used are written and dropped.
 */
final class WindowStatsProcessor implements Processor<String, ProbeResult, String, WindowStats> {

    static final String LIVE_STORE = "window-accumulators";
    static final String STREAK_STORE = "target-streaks";
    static final String ALL_REGIONS = "*";
    static final Duration LIVE_INTERVAL = Duration.ofSeconds(1);
    /** Open windows held decoded: 6 to 9 per target with windows 1m, 5m, 1h in one region, so ~2,000+ targets. */
    static final int HELD_WINDOWS = 20_000;
    /** Streaks held decoded: one per target and region plus one across regions. */
    static final int HELD_STREAKS = 20_000;

    private final List<Duration> windows;
    private final Duration grace;
    private final AggregatorMetrics metrics;

    private ProcessorContext<String, WindowStats> context;
    private WriteBehindStore<OpenWindow, WindowAccumulator> live;
    private final Map<Long, WindowStore<String, WindowAccumulator>> history = new HashMap<>();
    private WriteBehindStore<Streak, Streak> streaks;
    /** Open windows by the stream time at which they close. Rebuilt from the live store on start. */
    private final NavigableMap<Long, Set<WindowKey>> closing = new TreeMap<>();
    /** When each open window was last emitted (wall clock), and which changed since. */
    private final Map<WindowKey, Long> lastEmitted = new HashMap<>();
    private final Set<WindowKey> dirty = new HashSet<>();

    WindowStatsProcessor(List<Duration> windows, Duration grace, AggregatorMetrics metrics) {
        this.windows = List.copyOf(windows);
        this.grace = grace;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, WindowStats> context) {
        this.context = context;
        this.live = context.getStateStore(LIVE_STORE);
        for (Duration window : windows) {
            history.put(window.toMillis(), context.getStateStore(HistoryRetention.storeName(window)));
        }
        this.streaks = context.getStateStore(STREAK_STORE);
        // A task that starts again may find its stores changed by a restore meanwhile: memory starts empty.
        live.clearCache();
        streaks.clearCache();
        try (KeyValueIterator<String, WindowAccumulator> all = live.all()) {
            all.forEachRemaining(entry -> closing.computeIfAbsent(closesAt(entry.value), at -> new HashSet<>())
                    .add(WindowKey.parse(entry.key)));
        }
        context.schedule(Duration.ofMillis(200), PunctuationType.WALL_CLOCK_TIME, this::emitDirty);
    }

    @Override
    public void process(Record<String, ProbeResult> record) {
        ProbeResult result = record.value();
        if (result == null) {
            return;
        }
        metrics.processed();
        long at = result.getStartedAt().toEpochMilli();
        long streamTime = Math.max(context.currentStreamTimeMs(), record.timestamp());
        Map<String, Streak> updatedStreaks = new HashMap<>();
        for (String region : List.of(result.getRegion(), ALL_REGIONS)) {
            String key = new StreakKey(result.getTargetId(), region).encode();
            Streak streak = Streaks.next(streaks.decoded(key), result);
            streaks.changed(key, streak);
            updatedStreaks.put(region, streak);
        }
        long now = context.currentSystemTimeMs();
        for (Duration window : windows) {
            long size = window.toMillis();
            long start = at - Math.floorMod(at, size);
            if (start + size + grace.toMillis() <= streamTime) {
                metrics.late(window);
                continue;
            }
            for (String region : List.of(result.getRegion(), ALL_REGIONS)) {
                WindowKey key = new WindowKey(result.getTargetId(), region, size, start);
                String storeKey = key.encode();
                OpenWindow open = live.decoded(storeKey);
                if (open == null) {
                    open = OpenWindow.empty(result, region, size, start);
                    closing.computeIfAbsent(closesAt(open.state()), closeTime -> new HashSet<>()).add(key);
                }
                Accumulators.add(open, result, updatedStreaks.get(region));
                live.changed(storeKey, open);
                if (now - lastEmitted.getOrDefault(key, Long.MIN_VALUE / 2) >= LIVE_INTERVAL.toMillis()) {
                    emit(key, open, false, now);
                } else {
                    dirty.add(key);
                }
            }
        }
        closeUpTo(streamTime, now);
    }

    private void emitDirty(long now) {
        for (var iterator = dirty.iterator(); iterator.hasNext(); ) {
            WindowKey key = iterator.next();
            if (now - lastEmitted.getOrDefault(key, Long.MIN_VALUE / 2) >= LIVE_INTERVAL.toMillis()) {
                OpenWindow window = live.decoded(key.encode());
                iterator.remove();
                if (window != null) {
                    emit(key, window, false, now);
                }
            }
        }
    }

    private void closeUpTo(long streamTime, long now) {
        while (!closing.isEmpty() && closing.firstKey() <= streamTime) {
            for (WindowKey key : closing.pollFirstEntry().getValue()) {
                String storeKey = key.encode();
                OpenWindow window = live.decoded(storeKey);
                if (window != null) {
                    emit(key, window, true, now);
                    history.get(key.windowSize()).put(key.series().encode(), window.toAccumulator(), key.windowStart());
                    live.remove(storeKey);
                }
                dirty.remove(key);
                lastEmitted.remove(key);
            }
        }
    }

    private void emit(WindowKey key, OpenWindow window, boolean isFinal, long now) {
        WindowStats stats = Accumulators.toStats(window, isFinal, now);
        context.forward(new Record<>(key.targetId(), stats, now));
        lastEmitted.put(key, now);
        dirty.remove(key);
        metrics.emitted(isFinal);
    }

    private long closesAt(WindowAccumulator state) {
        return state.getWindowStart() + state.getWindowSize() + grace.toMillis();
    }

    /** Memory is for the running task only; what a clean close needed was flushed before its commit. */
    @Override
    public void close() {
        live.clearCache();
        streaks.clearCache();
    }
}
