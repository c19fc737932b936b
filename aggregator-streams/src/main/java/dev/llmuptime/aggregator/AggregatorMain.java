package dev.llmuptime.aggregator;

import dev.llmuptime.config.ServiceLauncher;
import java.util.List;

/** Entry point of {@code aggregator-streams.jar}. */
public final class AggregatorMain {

    static final ServiceLauncher LAUNCHER = new ServiceLauncher("aggregator-streams",
            "Windows probe results into per-target uptime and latency percentiles with Kafka Streams, and serves the dashboard and JSON API.", List.of());

    private AggregatorMain() {
    }

    public static void main(String[] args) {
        LAUNCHER.main(args, invocation -> {
            invocation.config();
            throw new UnsupportedOperationException("aggregation is not part of this build yet; the configuration in "
                    + invocation.configPath() + " is valid");
        });
    }
}
