package dev.llmuptime.bench;

import dev.llmuptime.schema.ProbeResult;
import dev.llmuptime.schema.ProbeResultSerde;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a probe-results topic and reports, over the probes scheduled in [FROM_MS, TO_MS): probes
 * per second, scheduling lag (startedAt - scheduledAt) p50/p99/max, and outcomes:
 * {@code probe-report BOOTSTRAP TOPIC FROM_MS TO_MS}.
 */
final class ProbeResultsReport {

    private ProbeResultsReport() {
    }

    static void main(String[] args) {
        String bootstrap = args[0];
        String topic = args[1];
        long from = Long.parseLong(args[2]);
        long to = Long.parseLong(args[3]);
        List<Long> lags = new ArrayList<>();
        Map<String, Integer> outcomes = new TreeMap<>();
        try (KafkaConsumer<String, ProbeResult> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap,
                "group.id", "bench-report-" + System.nanoTime(), "auto.offset.reset", "earliest",
                "max.poll.records", 5000), new StringDeserializer(), new ProbeResultSerde().deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, ProbeResult> record : consumer.poll(Duration.ofMillis(500))) {
                    ProbeResult result = record.value();
                    long scheduled = result.getScheduledAt().toEpochMilli();
                    if (scheduled >= from && scheduled < to) {
                        lags.add(result.getStartedAt().toEpochMilli() - scheduled);
                        outcomes.merge(result.getOutcome().name(), 1, Integer::sum);
                    }
                }
            }
        }
        Collections.sort(lags);
        double seconds = (to - from) / 1000.0;
        System.out.printf("probes=%d probes_per_second=%.1f lag_p50_ms=%d lag_p99_ms=%d lag_max_ms=%d outcomes=%s%n",
                lags.size(), lags.size() / seconds, percentile(lags, 0.50), percentile(lags, 0.99),
                lags.isEmpty() ? 0 : lags.get(lags.size() - 1), outcomes);
    }

    private static long percentile(List<Long> sorted, double q) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(q * sorted.size()) - 1));
    }
}
