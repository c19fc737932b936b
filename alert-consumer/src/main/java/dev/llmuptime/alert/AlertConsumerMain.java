package dev.llmuptime.alert;

import dev.llmuptime.config.ServiceLauncher;
import java.util.List;

/** Entry point of {@code alert-consumer.jar}. */
public final class AlertConsumerMain {

    static final ServiceLauncher LAUNCHER = new ServiceLauncher("alert-consumer",
            "Evaluates alert rules on the aggregated stats, records alerts to Kafka and delivers them to webhooks.", List.of());

    private AlertConsumerMain() {
    }

    public static void main(String[] args) {
        LAUNCHER.main(args, invocation -> {
            invocation.config();
            throw new UnsupportedOperationException("alerting is not part of this build yet; the configuration in "
                    + invocation.configPath() + " is valid");
        });
    }
}
