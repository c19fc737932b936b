package dev.llmuptime.aggregator;

import dev.llmuptime.aggregator.WriteBehindStore.Codec;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

/** Builds a {@link WriteBehindStore} over the key-value store that {@code stored} builds, under its name and changelog. */
final class WriteBehindStoreBuilder<V, S> implements StoreBuilder<WriteBehindStore<V, S>> {

    private final StoreBuilder<KeyValueStore<String, S>> stored;
    private final Codec<V, S> codec;
    private final int capacity;

    WriteBehindStoreBuilder(StoreBuilder<KeyValueStore<String, S>> stored, Codec<V, S> codec, int capacity) {
        this.stored = stored;
        this.codec = codec;
        this.capacity = capacity;
    }

    /** Not offered: the store keeps its values in memory itself, decoded, which a record cache could only duplicate. */
    @Override
    public StoreBuilder<WriteBehindStore<V, S>> withCachingEnabled() {
        throw new UnsupportedOperationException("a write-behind store holds its own values; no record cache goes under it");
    }

    @Override
    public StoreBuilder<WriteBehindStore<V, S>> withCachingDisabled() {
        stored.withCachingDisabled();
        return this;
    }

    @Override
    public StoreBuilder<WriteBehindStore<V, S>> withLoggingEnabled(Map<String, String> config) {
        stored.withLoggingEnabled(config);
        return this;
    }

    @Override
    public StoreBuilder<WriteBehindStore<V, S>> withLoggingDisabled() {
        stored.withLoggingDisabled();
        return this;
    }

    @Override
    public WriteBehindStore<V, S> build() {
        return new WriteBehindStore<>(stored.build(), codec, capacity);
    }

    @Override
    public Map<String, String> logConfig() {
        return stored.logConfig();
    }

    @Override
    public boolean loggingEnabled() {
        return stored.loggingEnabled();
    }

    @Override
    public String name() {
        return stored.name();
    }
}
