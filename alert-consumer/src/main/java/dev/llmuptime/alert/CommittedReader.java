package dev.llmuptime.alert;

import dev.llmuptime.config.MonitorConfig;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/** Properties of a consumer without a group that reads topics from their start, seeing only committed transactions. */
final class CommittedReader {

    private CommittedReader() {
    }

    static Map<String, Object> properties(MonitorConfig config) {
        Map<String, Object> properties = new HashMap<>(config.kafka().clientProperties());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // The evaluator writes in transactions: what it aborted never happened.
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return properties;
    }
}
