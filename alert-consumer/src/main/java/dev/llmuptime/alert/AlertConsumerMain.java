package dev.llmuptime.alert;

import dev.llmuptime.config.ServiceLauncher;
import dev.llmuptime.ops.Metrics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;

/** Entry point of {@code alert-consumer.jar}. */
public final class AlertConsumerMain {

    static final ServiceLauncher LAUNCHER = new ServiceLauncher("alert-consumer",
            "Evaluates alert rules on the aggregated stats, records every transition to Kafka exactly once, and\n"
                    + "delivers alerts to webhooks (signed, retried, never lost). Serves /metrics, /health and the\n"
                    + "alerts API (/api/v1/alerts, acknowledgements, silences, incident reports) on alerts.http-port.",
            List.of());

    private AlertConsumerMain() {
    }

    public static void main(String[] args) {
        LAUNCHER.main(args, invocation -> {
            MeterRegistry registry = Metrics.newRegistry("alert-consumer", invocation.config().metrics());
            AlertService service = new AlertService(invocation.config(), "0.0.0.0", Clock.systemUTC(), registry);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                // The service first, so the last push of the registry carries its last counts.
                service.close();
                registry.close();
            }, "alert-consumer-shutdown"));
            service.start();
            service.awaitClosed();
        });
    }
}
