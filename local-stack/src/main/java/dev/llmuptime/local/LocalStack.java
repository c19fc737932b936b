package dev.llmuptime.local;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/** The parts of the system that run on this machine, started together and stopped in reverse order. */
final class LocalStack implements AutoCloseable {

    /** What to run: the broker, the simulator, their ports and where data lives. */
    record Settings(boolean kafka, boolean simulator, int kafkaPort, int simulatorPort, Path dataDir) {
    }

    private final EmbeddedKafkaBroker broker;
    private final SimulatedProvider simulator;
    private final CountDownLatch closed = new CountDownLatch(1);

    private LocalStack(EmbeddedKafkaBroker broker, SimulatedProvider simulator) {
        this.broker = broker;
        this.simulator = simulator;
    }

    static LocalStack start(Settings settings) {
        EmbeddedKafkaBroker broker = settings.kafka()
                ? EmbeddedKafkaBroker.start(settings.dataDir().resolve("kafka"), settings.kafkaPort())
                : null;
        try {
            SimulatedProvider simulator = settings.simulator()
                    ? SimulatedProvider.start("127.0.0.1", settings.simulatorPort())
                    : null;
            return new LocalStack(broker, simulator);
        } catch (RuntimeException e) {
            if (broker != null) {
                broker.close();
            }
            throw e;
        }
    }

    String bootstrapServers() {
        return broker == null ? null : broker.bootstrapServers();
    }

    String simulatorBaseUrl() {
        return simulator == null ? null : simulator.baseUrl();
    }

    void printSummary(PrintStream out) {
        if (broker != null) {
            out.println("Kafka broker:        " + broker.bootstrapServers() + "  (data in "
                    + broker.dataDir().toAbsolutePath().normalize() + ")");
        }
        if (simulator != null) {
            out.println("Simulated provider:  " + simulator.baseUrl() + "  (models " + simulator.models()
                    + "; faults: POST " + simulator.baseUrl().replace("/v1", "/_sim/faults") + ")");
        }
        out.println("Press Ctrl-C to stop.");
    }

    void awaitClose() throws InterruptedException {
        closed.await();
    }

    @Override
    public synchronized void close() {
        if (closed.getCount() == 0) {
            return;
        }
        if (simulator != null) {
            simulator.close();
        }
        if (broker != null) {
            broker.close();
        }
        closed.countDown();
    }
}
