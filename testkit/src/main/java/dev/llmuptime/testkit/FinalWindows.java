package dev.llmuptime.testkit;

import dev.llmuptime.schema.ProbeReasons;
import dev.llmuptime.schema.ProbeResult;
import dev.llmuptime.schema.ProbeResultSerde;
import dev.llmuptime.schema.WindowStats;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Whether the one-minute windows a {@link ServiceCluster}'s aggregators closed count exactly the
 * probe results in the topic: what each window should count, what the final stats say, and one
 * result per target far ahead, which moves every partition's stream time past every window so that
 * all of them close.
 */
public final class FinalWindows {

    /** One window of one target, by its start. */
    public record Window(String targetId, Instant start) {
    }

    private FinalWindows() {
    }

    /** Sends one result per target, three minutes ahead, from a prober named "closer". */
    public static void closeAll(ClusterSpec spec) throws ExecutionException, InterruptedException {
        Instant ahead = Instant.now().plus(Duration.ofMinutes(3));
        try (KafkaProducer<String, ProbeResult> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                spec.bootstrapServers()), new StringSerializer(), new ProbeResultSerde().serializer())) {
            for (String target : spec.targets()) {
                producer.send(new ProducerRecord<>(spec.resultsTopic(), null, ahead.toEpochMilli(), target,
                        ProbeResults.success(target, ahead).setRegion(spec.region()).setProberId("closer").build()))
                        .get();
            }
        }
    }

    /**
     * How many results each one-minute window counts: the scheduled ones, since a probe confirming a
     * failure moves streaks but is not counted (each scheduled slot counts once).
     */
    public static Map<Window, Long> expected(List<ProbeResult> results) {
        return results.stream().filter(ProbeReasons::isScheduled).collect(Collectors.groupingBy(result ->
                new Window(result.getTargetId(), result.getStartedAt().truncatedTo(ChronoUnit.MINUTES)),
                Collectors.counting()));
    }

    /** The counts of the final stats over all regions, per window, in order of arrival: one each when exact. */
    public static Map<Window, List<Long>> finals(List<WindowStats> stats) {
        return stats.stream().filter(window -> window.getFinal$() && window.getRegion().equals("*"))
                .collect(Collectors.groupingBy(window -> new Window(window.getTargetId(), window.getWindowStart()),
                        Collectors.mapping(WindowStats::getCount, Collectors.toList())));
    }
}
