package dev.llmuptime.aggregator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmuptime.aggregator.WriteBehindStore.Codec;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Values change in memory and reach the store underneath once per flush, as Kafka Streams flushes before each commit. */
class WriteBehindStoreTest {

    /** A counter decoded into a one-element array, so a change in memory is visible as such. */
    private static final Codec<long[], Long> COUNTER = new Codec<>(stored -> new long[] {stored}, held -> held[0]);

    private KeyValueStore<String, Long> underneath;
    private WriteBehindStore<long[], Long> store;
    private int decodes;

    @BeforeEach
    void open() {
        start(3);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void changesReachTheStoreOnlyWhenFlushedAndThenOnceWithTheLatestValue() {
        long[] counter = new long[] {0};
        for (int i = 0; i < 5; i++) {
            counter[0]++;
            store.changed("a", counter);
        }
        assertThat(underneath.get("a")).as("not yet flushed").isNull();
        assertThat(store.get("a")).as("queries read the store underneath").isNull();

        store.flushCache();

        assertThat(underneath.get("a")).isEqualTo(5L);
        assertThat(store.decoded("a")).isSameAs(counter);
    }

    @Test
    void aValueIsDecodedOnceAndThenChangedInMemory() {
        underneath.put("a", 7L);

        store.decoded("a")[0]++;
        store.changed("a", store.decoded("a"));
        store.decoded("a")[0]++;
        store.changed("a", store.decoded("a"));
        store.flushCache();

        assertThat(decodes).isEqualTo(1);
        assertThat(underneath.get("a")).isEqualTo(9L);
    }

    @Test
    void whatIsNotFlushedIsForgottenByClearCache() {
        underneath.put("a", 1L);
        store.decoded("a")[0] = 2;
        store.changed("a", store.decoded("a"));
        store.changed("b", new long[] {1});

        store.clearCache();
        store.flushCache();

        assertThat(underneath.get("a")).isEqualTo(1L);
        assertThat(underneath.get("b")).isNull();
        assertThat(store.decoded("a")).containsExactly(1L);
        assertThat(store.heldCount()).isEqualTo(1);
    }

    @Test
    void removingDeletesFromTheStoreAndAFlushDoesNotWriteItBack() {
        underneath.put("a", 1L);
        store.decoded("a");
        store.changed("a", new long[] {2});
        store.changed("b", new long[] {1});
        store.flushCache();

        store.remove("a");
        store.changed("c", new long[] {1});
        store.remove("c");
        store.flushCache();

        assertThat(underneath.get("a")).isNull();
        assertThat(underneath.get("c")).isNull();
        assertThat(underneath.get("b")).isEqualTo(1L);
        assertThat(store.decoded("a")).isNull();
    }

    @Test
    void beyondItsCapacityTheLeastRecentlyUsedValueIsWrittenAndDropped() {
        store.changed("a", new long[] {1});
        store.changed("b", new long[] {2});
        store.changed("c", new long[] {3});
        store.decoded("a");

        store.changed("d", new long[] {4});

        assertThat(store.heldCount()).isEqualTo(3);
        assertThat(underneath.get("b")).as("least recently used, written when dropped").isEqualTo(2L);
        assertThat(underneath.get("a")).isNull();
        store.flushCache();
        assertThat(underneath.get("a")).isEqualTo(1L);
        assertThat(underneath.get("c")).isEqualTo(3L);
        assertThat(underneath.get("d")).isEqualTo(4L);
        assertThat(store.decoded("b")).containsExactly(2L);
    }

    private void start(int capacity) {
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "write-behind-test");
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:1");
        MockProcessorContext<Object, Object> context = new MockProcessorContext<>(properties);
        underneath = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("counters"), Serdes.String(),
                Serdes.Long()).withLoggingDisabled().build();
        Codec<long[], Long> counting = new Codec<>(stored -> {
            decodes++;
            return COUNTER.decode().apply(stored);
        }, COUNTER.encode());
        store = new WriteBehindStore<>(underneath, counting, capacity);
        store.init(context.getStateStoreContext(), store);
    }
}
