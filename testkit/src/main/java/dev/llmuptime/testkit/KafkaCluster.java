package dev.llmuptime.testkit;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The Kafka broker a test talks to, shared by every test in the JVM. Tests isolate themselves by
 * topic: {@link #newTopic} gives each one fresh, uniquely named topics.
 */
public final class KafkaCluster {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final String bootstrapServers;
    private final String kind;

    KafkaCluster(String bootstrapServers, String kind) {
        this.bootstrapServers = bootstrapServers;
        this.kind = kind;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** "embedded" or "testcontainers": which kind of broker this is. */
    public String kind() {
        return kind;
    }

    /** A topic name no other test uses, e.g. {@code llm.probe.results-7}. Not created. */
    public String uniqueName(String base) {
        return base + "-" + SEQUENCE.incrementAndGet();
    }

    /** Creates a uniquely named topic with {@code partitions} partitions and returns its name. */
    public String newTopic(String base, int partitions) {
        String name = uniqueName(base);
        createTopics(partitions, name);
        return name;
    }

    /** Creates the named topics, each with {@code partitions} partitions. */
    public void createTopics(int partitions, String... names) {
        List<NewTopic> topics = Arrays.stream(names)
                .map(name -> new NewTopic(name, partitions, (short) 1)).toList();
        try (Admin admin = admin()) {
            admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted creating topics " + List.of(names), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot create topics " + List.of(names), e);
        }
    }

    public Admin admin() {
        return Admin.create(Map.of("bootstrap.servers", bootstrapServers));
    }
}
