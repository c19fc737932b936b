package dev.llmuptime.aggregator;

import dev.llmuptime.config.ServiceLauncher;
import dev.llmuptime.ops.Metrics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;

/** Entry point of {@code aggregator-streams.jar}. */
public final class AggregatorMain {

    static final ServiceLauncher LAUNCHER = new ServiceLauncher("aggregator-streams",
            "Windows probe results into per-target uptime and latency percentiles with Kafka Streams, and serves\n"
                    + "the dashboard, the JSON API, /metrics and /health on aggregation.http-port.",
            List.of());

    private AggregatorMain() {
    }

    public static void main(String[] args) {
        LAUNCHER.main(args, invocation -> {
            MeterRegistry registry = Metrics.newRegistry("aggregator-streams", invocation.config().metrics());
            AggregatorService service = new AggregatorService(invocation.config(), "0.0.0.0", Clock.systemUTC(), registry);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                // The service first, so the last push of the registry carries its last counts.
                service.close();
                registry.close();
            }, "aggregator-shutdown"));
            service.start();
            service.awaitClosed();
        });
    }
}
