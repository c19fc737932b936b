package dev.llmuptime.aggregator;

import dev.llmuptime.ops.Metrics;
import dev.llmuptime.testkit.KafkaCluster;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One aggregator per test on {@link StatusHttpTest#config} and topics of its own, closed after the test.
 * Registered as a field with {@code @RegisterExtension}; the test starts it with its broker and state directory.
 */
final class RunningAggregator implements AfterEachCallback {

    private AggregatorService service;
    private RecordedHttp http;

    /** Creates the alerts topic, as an alert consumer started earlier would have, then starts the aggregator. */
    StatusHttpTest.Topics start(KafkaCluster kafka, Path stateDir) {
        StatusHttpTest.Topics topics = StatusHttpTest.Topics.unique(kafka);
        kafka.createTopics(2, topics.alerts());
        return start(kafka, topics, stateDir);
    }

    /** Starts the aggregator before its alerts topic exists, as when the alert consumer starts later. */
    StatusHttpTest.Topics startBeforeAlertsTopic(KafkaCluster kafka, Path stateDir) {
        return start(kafka, StatusHttpTest.Topics.unique(kafka), stateDir);
    }

    private StatusHttpTest.Topics start(KafkaCluster kafka, StatusHttpTest.Topics topics, Path stateDir) {
        service = new AggregatorService(StatusHttpTest.config(kafka, topics, stateDir), "127.0.0.1",
                Clock.systemUTC(), Metrics.newRegistry("aggregator"));
        http = new RecordedHttp(service::httpPort, kafka.bootstrapServers());
        service.start();
        return topics;
    }

    /** Its client for the test's requests, which keeps every answer to check for secrets. */
    RecordedHttp http() {
        return http;
    }

    /** Its address, {@code http://127.0.0.1:<port>}, without a trailing slash. */
    String baseUrl() {
        return "http://127.0.0.1:" + service.httpPort();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        // Also after a failed start: its stream threads and HTTP server must not outlive the test.
        if (service != null) {
            service.close();
        }
    }
}
