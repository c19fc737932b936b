package dev.llmuptime.alert;

import static dev.llmuptime.alert.StatsFixtures.probe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.llmuptime.config.ConfigLoader;
import dev.llmuptime.config.MonitorConfig;
import dev.llmuptime.ops.Metrics;
import dev.llmuptime.schema.AlertEvent;
import dev.llmuptime.schema.AlertEventSerde;
import dev.llmuptime.schema.AlertStatus;
import dev.llmuptime.schema.Outcome;
import dev.llmuptime.schema.WindowStats;
import dev.llmuptime.schema.WindowStatsSerde;
import dev.llmuptime.testkit.KafkaCluster;
import dev.llmuptime.testkit.SharedKafka;
import dev.llmuptime.testkit.TopicReader;
import dev.llmuptime.testkit.WebhookReceiver;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Two alert consumers with the same configuration sharing the stats partitions of a real broker. */
@ExtendWith(SharedKafka.class)
class AlertScaleOutTest {

    private static final int PARTITIONS = 3;
    private static final List<String> TARGETS = IntStream.range(0, 6).mapToObj(i -> "target-" + i).toList();

    private final WebhookReceiver receiver = new WebhookReceiver();
    private final List<AlertService> services = new ArrayList<>();

    @AfterEach
    void stop() {
        services.forEach(AlertService::close);
        receiver.close();
    }

    @Test
    void twoInstancesFireEachAlertOnceAndTheSurvivorResolvesItWithTheSameAlertId(KafkaCluster kafka) throws Exception {
        TargetPartitioner partitioner = new TargetPartitioner(PARTITIONS);
        assertThat(TARGETS.stream().map(partitioner::partitionOf).collect(Collectors.toSet())).hasSize(PARTITIONS);
        MonitorConfig config = config(kafka);
        String group = config.kafka().topics().alerts() + ".evaluator";
        AlertService first = start(config);
        AlertService second = start(config);
        await().atMost(Duration.ofSeconds(60)).until(() -> assignments(kafka, group).size() == 2
                && ownsSome(first) && ownsSome(second));

        for (String target : TARGETS) {
            sendStats(kafka, config, probe(target, Outcome.TIMEOUT, 1, 0), probe(target, Outcome.TIMEOUT, 2, 0),
                    probe(target, Outcome.TIMEOUT, 3, 0));
        }
        List<AlertEvent> firings = await().atMost(Duration.ofSeconds(60))
                .until(() -> down(kafka, config), events -> events.size() >= TARGETS.size());
        assertThat(firings).extracting(AlertEvent::getStatus).containsOnly(AlertStatus.FIRING);
        assertThat(firings).extracting(AlertEvent::getTargetId).containsExactlyInAnyOrderElementsOf(TARGETS);
        assertThat(fired(first)).isPositive();
        assertThat(fired(second)).isPositive();
        assertThat(fired(first) + fired(second)).isEqualTo(TARGETS.size());

        // Mid-incident, one instance leaves: the other takes its partitions with their state.
        first.close();
        await().atMost(Duration.ofSeconds(60)).until(() -> healthBody(second).contains("stats partitions [0, 1, 2]"));
        for (String target : TARGETS) {
            sendStats(kafka, config, probe(target, Outcome.SUCCESS, 0, 1), probe(target, Outcome.SUCCESS, 0, 2));
        }

        List<AlertEvent> episodes = await().atMost(Duration.ofSeconds(60))
                .until(() -> down(kafka, config), events -> events.size() >= 2 * TARGETS.size());
        assertThat(episodes).hasSize(2 * TARGETS.size());
        Map<String, String> firedAs = firings.stream()
                .collect(Collectors.toMap(event -> event.getTargetId().toString(), event -> event.getAlertId().toString()));
        List<AlertEvent> resolutions = episodes.stream().filter(event -> event.getStatus() == AlertStatus.RESOLVED)
                .toList();
        assertThat(resolutions).hasSize(TARGETS.size());
        assertThat(resolutions.stream().collect(Collectors.toMap(event -> event.getTargetId().toString(),
                event -> event.getAlertId().toString()))).isEqualTo(firedAs);
        await().atMost(Duration.ofSeconds(60)).until(() -> idempotencyKeys().size() == 2 * TARGETS.size());
        assertThat(idempotencyKeys()).containsExactlyInAnyOrderElementsOf(firedAs.values().stream()
                .flatMap(alertId -> List.of(alertId + ":FIRING", alertId + ":RESOLVED").stream()).toList());
    }

    private AlertService start(MonitorConfig config) throws Exception {
        AlertService service = new AlertService(config, "127.0.0.1", Clock.systemUTC(),
                Metrics.newRegistry("alert-consumer"));
        services.add(service);
        service.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> healthBody(service).contains("\"status\":\"UP\""));
        return service;
    }

    /** Topics of their own with several partitions, one webhook. */
    private MonitorConfig config(KafkaCluster kafka) {
        String base = kafka.uniqueName("llm");
        return new ConfigLoader(name -> null).parse("""
                kafka:
                  bootstrap-servers: %s
                  topics: {probe-results: %s.results, stats: %s.stats, alerts: %s.alerts}
                  partitions: %d
                alerts:
                  http-port: 0
                  webhooks:
                    - {name: ops, url: "%s"}
                """.formatted(kafka.bootstrapServers(), base, base, base, PARTITIONS, receiver.url()), "test.yaml");
    }

    /** The stats partitions of each member of the evaluator group. */
    private static List<Set<Integer>> assignments(KafkaCluster kafka, String group) throws Exception {
        try (Admin admin = kafka.admin()) {
            Collection<MemberDescription> members = admin.describeConsumerGroups(List.of(group)).all().get()
                    .get(group).members();
            return members.stream().map(member -> member.assignment().topicPartitions().stream()
                    .map(partition -> partition.partition()).collect(Collectors.toSet())).toList();
        }
    }

    private static void sendStats(KafkaCluster kafka, MonitorConfig config, WindowStats... stats) throws Exception {
        try (KafkaProducer<String, WindowStats> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                kafka.bootstrapServers()), new StringSerializer(), new WindowStatsSerde().serializer())) {
            for (WindowStats window : stats) {
                window.setEmittedAt(Instant.now());
                producer.send(new ProducerRecord<>(config.kafka().topics().stats(), window.getTargetId(), window)).get();
            }
        }
    }

    /** The committed transitions of the rule "down" so far. */
    private static List<AlertEvent> down(KafkaCluster kafka, MonitorConfig config) {
        String topic = config.kafka().topics().alerts();
        AlertEventSerde serde = new AlertEventSerde();
        return TopicReader.readUntil(kafka.bootstrapServers(), topic, new StringDeserializer(),
                        new ByteArrayDeserializer(), Integer.MAX_VALUE, Duration.ofSeconds(2)).stream()
                .map(record -> serde.deserializer().deserialize(topic, record.value()))
                .filter(event -> event.getRule().toString().equals("down")).toList();
    }

    private Set<String> idempotencyKeys() {
        return receiver.delivered().stream().map(request -> request.header("Idempotency-Key"))
                .filter(key -> key.startsWith("down:")).collect(Collectors.toSet());
    }

    private static String healthBody(AlertService service) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.opsPort()
                + "/health")).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static boolean ownsSome(AlertService service) throws Exception {
        return healthBody(service).matches(".*stats partitions \\[\\d.*");
    }

    /** How many FIRINGs of the rule "down" this instance wrote, from its metrics. */
    private static long fired(AlertService service) throws Exception {
        return scrape(service).lines().filter(line -> line.startsWith("llm_alerts_total{") && line.contains("rule=\"down\"")
                        && line.contains("status=\"FIRING\"")).mapToLong(line -> (long) Double.parseDouble(
                        line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    private static String scrape(AlertService service) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.opsPort()
                + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
