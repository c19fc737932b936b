package dev.llmuptime.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.llmuptime.aggregator.AggregatorService;
import dev.llmuptime.alert.AlertService;
import dev.llmuptime.config.ConfigLoader;
import dev.llmuptime.config.MonitorConfig;
import dev.llmuptime.embedded.kafka.BrokerListener;
import dev.llmuptime.embedded.kafka.EmbeddedKafkaBroker;
import dev.llmuptime.embedded.kafka.FreePort;
import dev.llmuptime.ops.Health;
import dev.llmuptime.probe.ProbeService;
import dev.llmuptime.simulator.Fault;
import dev.llmuptime.simulator.FaultMode;
import dev.llmuptime.simulator.Pacing;
import dev.llmuptime.simulator.SimulatedProvider;
import dev.llmuptime.testkit.TopicReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Every service reaches Kafka through {@code kafka.client} alone: over a SCRAM-SHA-512 listener
 * and over a TLS listener of a real broker, with a key pair made at run time. With a wrong password
 * or a truststore that does not trust the broker, each service stops at once and says why in one
 * line instead of retrying for ever.
 */
class SecureKafkaTest {

    private static final String USER = "monitor";
    private static final String PASSWORD = "scram-pw-" + UUID.randomUUID();
    private static final String SCRAM = "org.apache.kafka.common.security.scram.ScramLoginModule required "
            + "username=\"%s\" password=\"%s\";";

    @TempDir
    static Path dir;

    private static SelfSignedTls tls;
    private static EmbeddedKafkaBroker broker;
    private static BrokerListener sasl;
    private static BrokerListener ssl;

    private final List<AutoCloseable> parts = new ArrayList<>();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);

    @BeforeAll
    static void startBroker() throws Exception {
        tls = SelfSignedTls.generate(Files.createDirectories(dir.resolve("tls")));
        sasl = BrokerListener.scramSha512(FreePort.pick());
        ssl = BrokerListener.tls(FreePort.pick(), tls.keystore().toString(), tls.password());
        broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"), 0, List.of(sasl, ssl));
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(USER,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), PASSWORD))).all().get();
        }
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @BeforeEach
    void captureLogs() {
        logs.start();
        root.addAppender(logs);
    }

    @AfterEach
    void stop() throws Exception {
        for (int i = parts.size() - 1; i >= 0; i--) {
            parts.get(i).close();
        }
        root.detachAppender(logs);
        // Kafka's clients log their settings; the password and the keystore password must not be among them.
        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage).isNotEmpty()
                .noneMatch(line -> line.contains(PASSWORD) || line.contains(tls.password()));
    }

    @Test
    void everyServiceWorksOverScramSha512() throws Exception {
        everyServiceWorks(sasl, """
                security.protocol: SASL_PLAINTEXT, sasl.mechanism: SCRAM-SHA-512, sasl.jaas.config: '%s'"""
                .formatted(SCRAM.formatted(USER, PASSWORD)));
    }

    @Test
    void everyServiceWorksOverTls() throws Exception {
        everyServiceWorks(ssl, """
                security.protocol: SSL, ssl.truststore.location: "%s", ssl.truststore.type: PKCS12, ssl.truststore.password: %s"""
                .formatted(tls.truststore(), tls.password()));
    }

    @Test
    void aWrongPasswordStopsEveryServiceWithOneLineNamingTheSettings() throws Exception {
        everyServiceIsRefused(sasl, """
                security.protocol: SASL_PLAINTEXT, sasl.mechanism: SCRAM-SHA-512, sasl.jaas.config: '%s'"""
                .formatted(SCRAM.formatted(USER, "not-" + PASSWORD)), "Kafka refused the connection: authentication "
                + "failed (check kafka.client sasl.mechanism and sasl.jaas.config): ");
    }

    @Test
    void aTruststoreThatDoesNotTrustTheBrokerStopsEveryServiceWithOneLineNamingTheSettings() throws Exception {
        everyServiceIsRefused(ssl, """
                security.protocol: SSL, ssl.truststore.location: "%s", ssl.truststore.type: PKCS12, ssl.truststore.password: %s"""
                .formatted(tls.strangerTruststore(), tls.password()), "Kafka refused the connection: the TLS handshake "
                + "failed (check kafka.client ssl.truststore.* and ssl.keystore.*): ");
    }

    /** A failing model gives probe results, stats and a FIRING alert: each service wrote through the listener. */
    private void everyServiceWorks(BrokerListener listener, String client) throws Exception {
        SimulatedProvider sim = add(SimulatedProvider.start("127.0.0.1", 0, SimulatedProvider.DEFAULT_MODELS,
                new Pacing(Duration.ofMillis(5), Duration.ofMillis(1)), RandomGenerator.getDefault()));
        sim.setFault(new Fault("sim-small", FaultMode.ERROR, 503, null, null));
        String base = "secure-" + listener.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        MonitorConfig config = config(listener, client, base, sim.baseUrl());

        List<Supplier<Health>> services = startAll(config);

        // Read through the PLAINTEXT listener: what the services wrote went through the secure one.
        String plain = broker.bootstrapServers();
        await().atMost(Duration.ofSeconds(90)).ignoreExceptions()
                .until(() -> TopicReader.recordCount(plain, base + ".alerts") > 0);
        assertThat(TopicReader.recordCount(plain, base + ".results")).isPositive();
        assertThat(TopicReader.recordCount(plain, base + ".stats")).isPositive();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(services)
                .allSatisfy(health -> assertThat(health.get().up()).as(health.get().detail()).isTrue()));
    }

    private void everyServiceIsRefused(BrokerListener listener, String client, String reason) throws Exception {
        String base = "refused-" + UUID.randomUUID().toString().substring(0, 8);
        MonitorConfig config = config(listener, client, base, "http://127.0.0.1:" + FreePort.pick() + "/v1");

        List<Supplier<Health>> services = startAll(config);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(services).allSatisfy(health ->
                assertThat(health.get().detail()).startsWith("Kafka topics at " + listener.bootstrapServers()
                        + " could not be set up: " + reason)));
        assertThat(services).allSatisfy(health -> assertThat(health.get().detail()).doesNotContain(PASSWORD)
                .doesNotContain(tls.password()));
        // Told once per service, not once per retry.
        assertThat(logs.list).filteredOn(event -> event.getLevel() == Level.ERROR)
                .filteredOn(event -> event.getFormattedMessage().contains(reason)).hasSize(services.size());
    }

    private List<Supplier<Health>> startAll(MonitorConfig config) {
        InProcessServices services = add(new InProcessServices());
        AggregatorService aggregator = services.aggregator(config);
        AlertService alerting = services.alerting(config);
        ProbeService prober = services.prober(config);
        return List.of(prober::health, aggregator::health, alerting::health);
    }

    private static MonitorConfig config(BrokerListener listener, String client, String base, String simulator) {
        return new ConfigLoader(name -> null).parse("""
                kafka:
                  bootstrap-servers: %s
                  topics: {probe-results: %s.results, stats: %s.stats, alerts: %s.alerts}
                  partitions: 1
                  client: {application.id: %s-aggregator, %s}
                probes:
                  region: %s
                  http-port: 0
                  targets:
                    - {id: sim-small-chat, provider: openai-compatible, base-url: "%s", model: sim-small, check: chat, interval: 1s, timeout: 1s}
                aggregation:
                  windows: [1m]
                  grace: 1s
                  http-port: 0
                  state-dir: "%s"
                alerts:
                  http-port: 0
                """.formatted(listener.bootstrapServers(), base, base, base, base, client, base, simulator,
                dir.resolve(base + "-state")), base + ".yaml");
    }

    private <T extends AutoCloseable> T add(T part) {
        parts.add(part);
        return part;
    }
}
