package dev.llmuptime.aggregator;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.query.PositionBound;
import org.apache.kafka.streams.query.Position;
import org.apache.kafka.streams.query.Query;
import org.apache.kafka.streams.query.QueryConfig;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.internals.CacheFlushListener;
import org.apache.kafka.streams.state.internals.CachedStateStore;

/**
 * A key-value store whose processor reads and changes values in memory, decoded ({@code V}),
 * and whose changed values reach the store underneath ({@code S}: RocksDB and its changelog)
 * once per commit instead of once per change.
 *
 * <p>Kafka Streams flushes every {@link CachedStateStore} before each commit, on every path
 * (commit interval, rebalance, shutdown), the same hook its own record cache uses; so under
 * exactly-once every change that the committed input offsets cover is in the changelog's same
 * transaction. A change only in memory at a crash is lost with the uncommitted offsets of its
 * input, which is then processed again. Memory holds at most {@code capacity} values: beyond
 * that the least recently used one is written to the store (if changed) and dropped.
 *
 * <p>Interactive queries read the store underneath, as of the last commit.
 *
 * <p>{@link CachedStateStore} is Kafka Streams' internal interface: an upgrade of Kafka must check
 * that {@code StreamTask.prepareCommit} still calls {@code flushCache()} before the commit (as in
 * 4.4); {@code StateChangelogTest} fails if changed values stop reaching the changelog at all.
 */
final class WriteBehindStore<V, S> implements StateStore, ReadOnlyKeyValueStore<String, S>,
        CachedStateStore<String, S> {

    /** How a value is decoded from and encoded for the store underneath. */
    record Codec<V, S>(Function<S, V> decode, Function<V, S> encode) {

        static <T> Codec<T, T> identity() {
            return new Codec<>(Function.identity(), Function.identity());
        }
    }

    private final KeyValueStore<String, S> stored;
    private final Codec<V, S> codec;
    private final int capacity;
    /** Values in memory, least recently used first; true where the store underneath may hold the key. */
    private final LinkedHashMap<String, Held<V>> held;
    private final Set<String> changed = new HashSet<>();

    WriteBehindStore(KeyValueStore<String, S> stored, Codec<V, S> codec, int capacity) {
        this.stored = stored;
        this.codec = codec;
        this.capacity = capacity;
        this.held = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Held<V>> eldest) {
                if (size() <= WriteBehindStore.this.capacity) {
                    return false;
                }
                writeBack(eldest.getKey(), eldest.getValue());
                return true;
            }
        };
    }

    /** The value of {@code key}, decoded once and then kept in memory; null if there is none. */
    V decoded(String key) {
        Held<V> value = held.get(key);
        if (value != null) {
            return value.value;
        }
        S inStore = stored.get(key);
        if (inStore == null) {
            return null;
        }
        V decoded = codec.decode().apply(inStore);
        held.put(key, new Held<>(decoded, true));
        return decoded;
    }

    /** Marks {@code value} as the changed value of {@code key}; a key not read before is new to the store. */
    void changed(String key, V value) {
        Held<V> previous = held.get(key);
        held.put(key, new Held<>(value, previous != null && previous.inStore));
        changed.add(key);
    }

    /** Removes {@code key} from memory and from the store, where a tombstone is needed only if it was written. */
    void remove(String key) {
        Held<V> previous = held.remove(key);
        changed.remove(key);
        if (previous == null || previous.inStore) {
            stored.delete(key);
        }
    }

    /** How many values are in memory. */
    int heldCount() {
        return held.size();
    }

    /** Writes every changed value to the store underneath: called by Kafka Streams before each commit. */
    @Override
    public void flushCache() {
        for (String key : changed) {
            Held<V> value = held.get(key);
            stored.put(key, codec.encode().apply(value.value));
            value.inStore = true;
        }
        changed.clear();
    }

    /** Forgets everything in memory, changed or not: what is not in the store is not covered by a commit either. */
    @Override
    public void clearCache() {
        held.clear();
        changed.clear();
    }

    @Override
    public boolean setFlushListener(CacheFlushListener<String, S> listener, boolean sendOldValues) {
        return false;
    }

    private void writeBack(String key, Held<V> value) {
        if (changed.remove(key)) {
            stored.put(key, codec.encode().apply(value.value));
        }
    }

    @Override
    public S get(String key) {
        return stored.get(key);
    }

    @Override
    public KeyValueIterator<String, S> range(String from, String to) {
        return stored.range(from, to);
    }

    @Override
    public KeyValueIterator<String, S> reverseRange(String from, String to) {
        return stored.reverseRange(from, to);
    }

    @Override
    public KeyValueIterator<String, S> all() {
        return stored.all();
    }

    @Override
    public KeyValueIterator<String, S> reverseAll() {
        return stored.reverseAll();
    }

    @Override
    public <PS extends Serializer<P>, P> KeyValueIterator<String, S> prefixScan(P prefix, PS prefixKeySerializer) {
        return stored.prefixScan(prefix, prefixKeySerializer);
    }

    @Override
    public long approximateNumEntries() {
        return stored.approximateNumEntries();
    }

    @Override
    public String name() {
        return stored.name();
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        stored.init(context, root);
    }

    @Override
    public void flush() {
        stored.flush();
    }

    @Override
    public void commit(Map<TopicPartition, Long> changelogOffsets) {
        stored.commit(changelogOffsets);
    }

    @Override
    public Long committedOffset(TopicPartition partition) {
        return stored.committedOffset(partition);
    }

    @Override
    public boolean managesOffsets() {
        return stored.managesOffsets();
    }

    @Override
    public void close() {
        clearCache();
        stored.close();
    }

    @Override
    public boolean persistent() {
        return stored.persistent();
    }

    @Override
    public boolean isOpen() {
        return stored.isOpen();
    }

    @Override
    public <R> QueryResult<R> query(Query<R> query, PositionBound positionBound, QueryConfig config) {
        return stored.query(query, positionBound, config);
    }

    @Override
    public Position getPosition() {
        return stored.getPosition();
    }

    @Override
    public long approximateNumUncommittedBytes() {
        return stored.approximateNumUncommittedBytes();
    }

    /** A value in memory, and whether the store underneath may hold its key. */
    private static final class Held<V> {
        private final V value;
        private boolean inStore;

        private Held(V value, boolean inStore) {
            this.value = value;
            this.inStore = inStore;
        }
    }
}
