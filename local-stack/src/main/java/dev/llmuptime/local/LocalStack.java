package dev.llmuptime.local;

import dev.llmuptime.aggregator.AggregatorService;
import dev.llmuptime.alert.AlertService;
import dev.llmuptime.config.MonitorConfig;
import dev.llmuptime.config.WebhookConfig;
import dev.llmuptime.embedded.kafka.EmbeddedKafkaBroker;
import dev.llmuptime.embedded.kafka.FreePort;
import dev.llmuptime.ops.Metrics;
import dev.llmuptime.ops.ServiceLifecycle;
import dev.llmuptime.probe.ProbeService;
import dev.llmuptime.simulator.Pacing;
import dev.llmuptime.simulator.SimulatedProvider;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.random.RandomGenerator;
import org.slf4j.LoggerFactory;

/**
 * The parts of the system that run on this machine, in one JVM: the broker, the simulated
 * provider, and (unless only one of those two is wanted) the three services and a webhook inbox.
 * They talk only through Kafka and HTTP, as they would deployed apart. Stopped in reverse order.
 */
final class LocalStack implements AutoCloseable {

    /** What to run, on which ports, with which configuration (null for a bare broker or simulator). */
    record Settings(boolean kafka, boolean simulator, boolean services, int kafkaPort, String simulatorHost,
            int simulatorPort, List<String> simulatorModels, Path dataDir, MonitorConfig config, boolean demo) {

        static Settings infrastructure(boolean kafka, boolean simulator, int kafkaPort, String simulatorHost,
                int simulatorPort, List<String> simulatorModels, Path dataDir) {
            return new Settings(kafka, simulator, false, kafkaPort, simulatorHost, simulatorPort, simulatorModels, dataDir,
                    null, false);
        }
    }

    private final Settings settings;
    private final PrintStream out;
    private final ServiceLifecycle lifecycle = new ServiceLifecycle("local-stack");
    private EmbeddedKafkaBroker broker;
    private SimulatedProvider simulator;
    private AggregatorService aggregator;
    private MonitorConfig config;

    LocalStack(Settings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    /** Starts every part in order; if one fails, those already started are stopped again. */
    void start() {
        lifecycle.start(this::startParts);
    }

    private void startParts() {
        if (settings.kafka()) {
            FreePort.requireFree(settings.kafkaPort(), "Kafka", "--kafka-port N");
        }
        if (settings.simulator()) {
            FreePort.requireFree(settings.simulatorPort(), "Simulated provider", "--simulator-port N");
        }
        if (settings.kafka()) {
            broker = lifecycle.closeOnStop(EmbeddedKafkaBroker.start(settings.dataDir().resolve("kafka"),
                    settings.kafkaPort()));
        }
        if (settings.simulator()) {
            simulator = lifecycle.closeOnStop(SimulatedProvider.start(settings.simulatorHost(), settings.simulatorPort(),
                    settings.simulatorModels(), Pacing.REALISTIC, RandomGenerator.getDefault()));
        }
        if (!settings.services()) {
            return;
        }
        config = onThisBroker(settings.config());
        for (WebhookConfig webhook : config.alerts().webhooks()) {
            String host = webhook.url().getHost();
            if (host.equals("127.0.0.1") || host.equals("localhost")) {
                lifecycle.closeOnStop(WebhookInbox.start(webhook.url().getPort(), webhook.url().getPath(),
                        webhook.secret().reveal(), out));
            }
        }
        aggregator = lifecycle.closeOnStop(new AggregatorService(config, "127.0.0.1", Clock.systemUTC(),
                registry("aggregator-streams")));
        aggregator.start();
        lifecycle.closeOnStop(new AlertService(config, "127.0.0.1", Clock.systemUTC(),
                registry("alert-consumer"))).start();
        lifecycle.closeOnStop(new ProbeService(config, "127.0.0.1", Clock.systemUTC(),
                registry("probe-producer"))).start();
        if (settings.demo()) {
            lifecycle.closeOnStop(new DemoScript(simulator, out));
        }
    }

    /** A service's registry, closed after the service (parts close in reverse order), so its last push is complete. */
    private MeterRegistry registry(String service) {
        MeterRegistry registry = Metrics.newRegistry(service, config.metrics());
        lifecycle.onClose(service + " metrics", registry::close);
        return registry;
    }

    /** The configuration with its bootstrap servers pointed at the embedded broker. */
    private MonitorConfig onThisBroker(MonitorConfig given) {
        return new MonitorConfig(given.kafka().withBootstrapServers(broker.bootstrapServers()), given.probes(),
                given.aggregation(), given.alerts(), given.http(), given.metrics());
    }

    String bootstrapServers() {
        return broker == null ? null : broker.bootstrapServers();
    }

    String simulatorBaseUrl() {
        return simulator == null ? null : simulator.baseUrl();
    }

    SimulatedProvider simulator() {
        return simulator;
    }

    String dashboardUrl() {
        return aggregator == null ? null : "http://localhost:" + aggregator.httpPort() + "/";
    }

    void printSummary(PrintStream out) {
        if (broker != null) {
            out.println("Kafka broker:        " + broker.bootstrapServers() + "  (data in "
                    + broker.dataDir().toAbsolutePath().normalize() + ")");
            KafkaLogFile.of(LoggerFactory.getILoggerFactory()).ifPresent(file -> out.println("Kafka log:           "
                    + file + "  (what the broker and the Kafka clients warn about)"));
        }
        if (simulator != null) {
            out.println("Simulated provider:  " + simulator.baseUrl() + "  (models " + simulator.models()
                    + "; faults: POST " + simulator.baseUrl().replace("/v1", "/_sim/faults") + ")");
        }
        if (aggregator != null) {
            out.println("Probing:             " + config.probes().targets().size() + " targets every few seconds");
            out.println("Alerts:              printed below as [inbox] lines when they fire and resolve");
            out.println();
            out.println("Dashboard:           " + dashboardUrl());
            out.println();
        }
        out.println("Press Ctrl-C to stop.");
    }

    void awaitClosed() throws InterruptedException {
        lifecycle.awaitClosed();
    }

    /** Stops every part, the last started first. */
    @Override
    public void close() {
        lifecycle.close();
    }
}
