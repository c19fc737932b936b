package dev.llmuptime.probe;

import dev.llmuptime.config.ServiceLauncher;
import dev.llmuptime.ops.Metrics;
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
            ProbeService service = new ProbeService(invocation.config(), "0.0.0.0", Clock.systemUTC(),
                    Metrics.newRegistry("probe-producer"));
            Runtime.getRuntime().addShutdownHook(new Thread(service::close, "probe-producer-shutdown"));
            service.start();
            service.awaitClosed();
        });
    }
}
