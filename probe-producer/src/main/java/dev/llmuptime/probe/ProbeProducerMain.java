package dev.llmuptime.probe;

import dev.llmuptime.config.ServiceLauncher;
import java.util.List;

/** Entry point of {@code probe-producer.jar}. */
public final class ProbeProducerMain {

    static final ServiceLauncher LAUNCHER = new ServiceLauncher("probe-producer",
            "Probes LLM APIs on their data plane (models, chat, streamed chat, embeddings) and emits every result as an Avro ProbeResult to Kafka.", List.of());

    private ProbeProducerMain() {
    }

    public static void main(String[] args) {
        LAUNCHER.main(args, invocation -> {
            invocation.config();
            throw new UnsupportedOperationException("probing is not part of this build yet; the configuration in "
                    + invocation.configPath() + " is valid");
        });
    }
}
