package dev.llmuptime.testkit;

import dev.llmuptime.embedded.kafka.EmbeddedKafkaBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * JUnit extension that gives tests a {@link KafkaCluster} parameter: one real broker per test
 * JVM, started on first use and stopped when the JVM's tests are done. Where a Docker engine runs,
 * it is Testcontainers' Apache Kafka image; elsewhere the embedded KRaft broker. Never skipped.
 * {@code -Dllmuptime.test.kafka=embedded} forces the embedded broker.
 */
public final class SharedKafka implements ParameterResolver {

    private static final Logger log = LoggerFactory.getLogger(SharedKafka.class);
    private static final String KAFKA_IMAGE = "apache/kafka:4.1.1";

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        return parameter.getParameter().getType() == KafkaCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        return extension.getRoot().getStore(ExtensionContext.Namespace.create(SharedKafka.class))
                .getOrComputeIfAbsent(RunningCluster.class, key -> start(), RunningCluster.class)
                .cluster();
    }

    private static RunningCluster start() {
        boolean forceEmbedded = "embedded".equals(System.getProperty("llmuptime.test.kafka"));
        if (!forceEmbedded && DockerClientFactory.instance().isDockerAvailable()) {
            KafkaContainer container = new KafkaContainer(KAFKA_IMAGE);
            container.start();
            log.info("Tests use Kafka in Docker at {}", container.getBootstrapServers());
            return new RunningCluster(new KafkaCluster(container.getBootstrapServers(), "testcontainers"),
                    container::stop);
        }
        try {
            Path dataDir = Files.createTempDirectory("kafka-");
            EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir, 0);
            log.info("Tests use the embedded Kafka broker at {}", broker.bootstrapServers());
            return new RunningCluster(new KafkaCluster(broker.bootstrapServers(), "embedded"), broker::close);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The cluster and how to stop it; JUnit closes it after the last test of the JVM. */
    private record RunningCluster(KafkaCluster cluster, Runnable stop)
            implements ExtensionContext.Store.CloseableResource, AutoCloseable {

        @Override
        public void close() {
            stop.run();
        }
    }
}
