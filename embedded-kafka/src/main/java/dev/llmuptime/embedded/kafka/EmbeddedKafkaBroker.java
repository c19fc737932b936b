package dev.llmuptime.embedded.kafka;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Apache Kafka broker in KRaft mode (broker and controller in one process),
 * run in this JVM from the Maven Central jars. The data directory is formatted on first use and
 * reused afterwards, so topics and offsets survive a restart.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";

    private final KafkaRaftServer server;
    private final int port;
    private final Path dataDir;
    private final List<BrokerListener> extraListeners;
    private boolean closed;

    private EmbeddedKafkaBroker(KafkaRaftServer server, int port, Path dataDir, List<BrokerListener> extraListeners) {
        this.server = server;
        this.port = port;
        this.dataDir = dataDir;
        this.extraListeners = extraListeners;
    }

    /**
     * Starts a broker on {@code localhost:port} (0 picks a free port) keeping its data in
     * {@code dataDir}; returns once it accepts clients.
     */
    public static EmbeddedKafkaBroker start(Path dataDir, int port) {
        return start(dataDir, port, List.of());
    }

    /**
     * The same broker with {@code extraListeners} (SASL, TLS) besides its PLAINTEXT one, which
     * stays the one between broker and controller and the one to administer it through.
     */
    public static EmbeddedKafkaBroker start(Path dataDir, int port, List<BrokerListener> extraListeners) {
        int brokerPort = port == 0 ? FreePort.pick() : port;
        int controllerPort = FreePort.pick();
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create Kafka data directory " + dataDir, e);
        }
        Map<String, String> properties = withListeners(brokerProperties(dataDir, brokerPort, controllerPort),
                extraListeners);
        if (!Files.exists(dataDir.resolve("meta.properties"))) {
            format(dataDir, properties);
        }
        long started = System.nanoTime();
        KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(toProperties(properties), false), Time.SYSTEM);
        server.startup();
        log.info("Kafka broker on localhost:{} started in {} ms (data in {})", brokerPort,
                Duration.ofNanos(System.nanoTime() - started).toMillis(), dataDir);
        return new EmbeddedKafkaBroker(server, brokerPort, dataDir, List.copyOf(extraListeners));
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public int port() {
        return port;
    }

    /** The listeners besides PLAINTEXT it was started with. */
    public List<BrokerListener> extraListeners() {
        return extraListeners;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Stops the broker cleanly and waits until it has. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.shutdown();
        server.awaitShutdown();
        log.info("Kafka broker on localhost:{} stopped", port);
    }

    static Map<String, String> brokerProperties(Path dataDir, int brokerPort, int controllerPort) {
        return Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", String.valueOf(NODE_ID)),
                Map.entry("controller.quorum.voters", NODE_ID + "@localhost:" + controllerPort),
                Map.entry("listeners", "PLAINTEXT://localhost:" + brokerPort + "," + CONTROLLER_LISTENER
                        + "://localhost:" + controllerPort),
                Map.entry("advertised.listeners", "PLAINTEXT://localhost:" + brokerPort),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT"),
                Map.entry("controller.listener.names", CONTROLLER_LISTENER),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("log.dirs", dataDir.toAbsolutePath().toString()),
                // One broker: every internal topic must live with one replica, or groups and
                // transactions wait forever for replicas that cannot exist.
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("offsets.topic.num.partitions", "5"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("transaction.state.log.num.partitions", "5"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                Map.entry("default.replication.factor", "1"),
                Map.entry("min.insync.replicas", "1"),
                // Nobody else will join: don't wait for them.
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                Map.entry("auto.create.topics.enable", "false"));
    }

    static Map<String, String> withListeners(Map<String, String> base, List<BrokerListener> extraListeners) {
        Map<String, String> properties = new HashMap<>(base);
        for (BrokerListener listener : extraListeners) {
            properties.merge("listeners", listener.name() + "://localhost:" + listener.port(), (a, b) -> a + "," + b);
            properties.merge("advertised.listeners", listener.name() + "://localhost:" + listener.port(),
                    (a, b) -> a + "," + b);
            properties.merge("listener.security.protocol.map", listener.name() + ":" + listener.securityProtocol(),
                    (a, b) -> a + "," + b);
            properties.putAll(listener.brokerSettings());
        }
        return properties;
    }

    private static void format(Path dataDir, Map<String, String> properties) {
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setDirectories(List.of(dataDir.toAbsolutePath().toString()))
                    .setMetadataLogDirectory(dataDir.toAbsolutePath().toString())
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot format Kafka storage in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    private static Properties toProperties(Map<String, String> map) {
        Properties properties = new Properties();
        properties.putAll(map);
        return properties;
    }
}
