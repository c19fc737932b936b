package dev.llmuptime.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Follows a topic from its beginning on a thread of its own, as a fresh consumer group reading
 * committed records only, and keeps every value with the moment it arrived here: for watching what
 * a running cluster writes while its instances come and go.
 */
public final class TopicFeed<V> implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(100);

    /** One value and when this feed received it. */
    public record Arrival<V>(V value, Instant at) {
    }

    private final KafkaConsumer<String, V> consumer;
    private final List<Arrival<V>> arrivals = new CopyOnWriteArrayList<>();
    private final Thread poller;
    private volatile boolean closed;

    private TopicFeed(String bootstrapServers, String topic, Deserializer<V> values) {
        consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrapServers,
                "group.id", topic + "-feed-" + UUID.randomUUID(), "auto.offset.reset", "earliest",
                "isolation.level", "read_committed", "enable.auto.commit", "false",
                // Following a topic must not create it with the broker's default partition count.
                "allow.auto.create.topics", "false"), new StringDeserializer(), values);
        consumer.subscribe(Set.of(topic));
        poller = new Thread(this::pollUntilClosed, "feed-" + topic);
        poller.setDaemon(true);
    }

    /** Starts following {@code topic}; it need not exist yet. */
    public static <V> TopicFeed<V> start(String bootstrapServers, String topic, Deserializer<V> values) {
        TopicFeed<V> feed = new TopicFeed<>(bootstrapServers, topic, values);
        feed.poller.start();
        return feed;
    }

    /** Every value so far, in order of arrival. */
    public List<V> values() {
        return arrivals.stream().map(Arrival::value).toList();
    }

    /** Every value so far with its arrival time, in order of arrival. */
    public List<Arrival<V>> arrivals() {
        return List.copyOf(arrivals);
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        consumer.wakeup();
        poller.join(Duration.ofSeconds(30).toMillis());
    }

    private void pollUntilClosed() {
        try (consumer) {
            while (!closed) {
                consumer.poll(POLL).forEach(record -> arrivals.add(new Arrival<>(record.value(), Instant.now())));
            }
        } catch (WakeupException e) {
            // close() woke the poll
        }
    }
}
