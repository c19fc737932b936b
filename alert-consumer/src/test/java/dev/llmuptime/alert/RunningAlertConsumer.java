package dev.llmuptime.alert;

import dev.llmuptime.config.MonitorConfig;
import dev.llmuptime.schema.WindowStats;
import dev.llmuptime.testkit.KafkaCluster;
import dev.llmuptime.testkit.WebhookReceiver;
import java.time.Clock;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One alert consumer per test with its alerts API, its webhook {@code ops} at a receiver of its own and topics of
 * its own, closed with the receiver after the test. Registered as a field with {@code @RegisterExtension}.
 */
final class RunningAlertConsumer implements AfterEachCallback {

    private final WebhookReceiver receiver = new WebhookReceiver();
    private ApiServices services;
    private MonitorConfig config;

    /** Its configuration, as {@link ApiServices#config} with {@code alerts}; start it with {@link #start()}. */
    MonitorConfig configure(KafkaCluster kafka, String alerts) {
        services = new ApiServices(kafka);
        config = services.config(receiver.url(), alerts);
        return config;
    }

    /** Starts it on its configuration; the client writes with {@link ApiServices#TOKEN}. */
    ApiClient start() {
        AlertService service = services.start(config, Clock.systemUTC());
        return new ApiClient(service.opsPort(), ApiServices.TOKEN);
    }

    /** {@link #configure} then {@link #start()}. */
    ApiClient start(KafkaCluster kafka, String alerts) {
        configure(kafka, alerts);
        return start();
    }

    MonitorConfig config() {
        return config;
    }

    WebhookReceiver receiver() {
        return receiver;
    }

    void sendStats(WindowStats... stats) throws Exception {
        services.sendStats(config, stats);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (services != null) {
            services.close();
        }
        receiver.close();
    }
}
