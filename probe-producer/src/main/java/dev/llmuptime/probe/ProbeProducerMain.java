package dev.llmuptime.probe;

import dev.llmuptime.config.ServiceLauncher;
import dev.llmuptime.ops.Metrics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;

/** Entry point of {@code probe-producer.jar}. */
public final class ProbeProducerMain {

    static final ServiceLauncher LAUNCHER = new ServiceLauncher("probe-producer",
            "Probes LLM APIs on their data plane (models, chat, streamed chat, embeddings) and emits every result\n"
                    + "as an Avro ProbeResult to Kafka. Serves /metrics and /health on probes.http-port.",
            List.of());

    private ProbeProducerMain() {
    }

    public static void main(String[] args) {
        LAUNCHER.main(args, invocation -> {
            MeterRegistry registry = Metrics.newRegistry("probe-producer", invocation.config().metrics());
            ProbeService service = new ProbeService(invocation.config(), "0.0.0.0", Clock.systemUTC(), registry);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                // The service first, so the last push of the registry carries its last counts.
                service.close();
                registry.close();
            }, "probe-producer-shutdown"));
            service.start();
            service.awaitClosed();
        });
    }
}
