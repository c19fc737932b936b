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
import org.apache.kafka.streams.state.KeyValueStore;
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
 */
final class WindowStatsProcessor implements Processor<String, ProbeResult, String, WindowStats> {

    static final String LIVE_STORE = "window-accumulators";
    static final String STREAK_STORE = "target-streaks";
    static final String ALL_REGIONS = "*";
    static final Duration LIVE_INTERVAL = Duration.ofSeconds(1);

    private final List<Duration> windows;
    private final Duration grace;
    private final AggregatorMetrics metrics;

    private ProcessorContext<String, WindowStats> context;
    private KeyValueStore<String, WindowAccumulator> live;
    private final Map<Long, WindowStore<String, WindowAccumulator>> history = new HashMap<>();
    private KeyValueStore<String, Streak> streaks;
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
            Streak streak = Streaks.next(streaks.get(key), result);
            streaks.put(key, streak);
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
                WindowAccumulator state = live.get(key.encode());
                if (state == null) {
                    state = Accumulators.empty(result, region, size, start);
                    closing.computeIfAbsent(closesAt(state), closeTime -> new HashSet<>()).add(key);
                }
                Accumulators.add(state, result, updatedStreaks.get(region));
                live.put(key.encode(), state);
                if (now - lastEmitted.getOrDefault(key, Long.MIN_VALUE / 2) >= LIVE_INTERVAL.toMillis()) {
                    emit(key, state, false, now);
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
                WindowAccumulator state = live.get(key.encode());
                iterator.remove();
                if (state != null) {
                    emit(key, state, false, now);
                }
            }
        }
    }

    private void closeUpTo(long streamTime, long now) {
        while (!closing.isEmpty() && closing.firstKey() <= streamTime) {
            for (WindowKey key : closing.pollFirstEntry().getValue()) {
                WindowAccumulator state = live.get(key.encode());
                if (state != null) {
                    emit(key, state, true, now);
                    history.get(key.windowSize()).put(key.series().encode(), state, key.windowStart());
                    live.delete(key.encode());
                }
                dirty.remove(key);
                lastEmitted.remove(key);
            }
        }
    }

    private void emit(WindowKey key, WindowAccumulator state, boolean isFinal, long now) {
        WindowStats stats = Accumulators.toStats(state, isFinal, now);
        context.forward(new Record<>(state.getTargetId(), stats, now));
        lastEmitted.put(key, now);
        dirty.remove(key);
        metrics.emitted(isFinal);
    }

    private long closesAt(WindowAccumulator state) {
        return state.getWindowStart() + state.getWindowSize() + grace.toMillis();
    }

}
