package dev.llmuptime.alert;

import static dev.llmuptime.alert.StatsFixtures.probe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import dev.llmuptime.testkit.WebhookReceiver;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The {@code alertmanager-api} webhook against a real broker: a real Alertmanager, and a restart in the middle. */
@ExtendWith(SharedKafka.class)
class AlertmanagerSinkTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Closed in reverse order after each test. */
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final WebhookReceiver receiver = new WebhookReceiver();
    private KafkaCluster kafka;
    private MonitorConfig config;

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable each : started) {
            each.close();
        }
        receiver.close();
    }

    @Test
    void anOutageShowsInAlertmanagerWithItsLabelsAndRecoveryEndsIt(KafkaCluster kafka, @TempDir Path dir)
            throws Exception {
        AlertmanagerProcess alertmanager = AlertmanagerProcess.start(dir);
        started.push(alertmanager);
        start(kafka, alertmanager.url(), Clock.systemUTC());

        sendStats(probe("a", Outcome.TIMEOUT, 1, 0), probe("a", Outcome.TIMEOUT, 2, 0), probe("a", Outcome.TIMEOUT, 3, 0));

        await().atMost(Duration.ofSeconds(30)).until(() -> firingDown(alertmanager).size() == 1);
        JsonNode alert = firingDown(alertmanager).get(0);
        JsonNode labels = alert.path("labels");
        assertThat(labels.path("severity").asText()).isEqualTo("critical");
        assertThat(labels.path("target").asText()).isEqualTo("a");
        assertThat(labels.path("model").asText()).isEqualTo("gpt-4o-mini");
        assertThat(labels.path("provider").asText()).isEqualTo("openai");
        assertThat(labels.path("alertId").asText()).startsWith("down:a:");
        assertThat(alert.path("annotations").path("summary").asText()).startsWith("down on a");
        assertThat(alert.path("annotations").path("dashboard").asText()).isEqualTo("http://localhost:8080/");
        assertThat(alert.path("generatorURL").asText()).isEqualTo("http://localhost:8080/?target=a");
        assertThat(alert.path("status").path("state").asText()).isEqualTo("active");
        assertThat(Instant.parse(alert.path("endsAt").asText())).as("our end, not Alertmanager's resolve_timeout")
                .isAfter(Instant.now().plus(Duration.ofMinutes(3)))
                .isBefore(Instant.now().plus(Duration.ofMinutes(5)));

        sendStats(probe("a", Outcome.TIMEOUT, 4, 0), probe("a", Outcome.SUCCESS, 0, 1), probe("a", Outcome.SUCCESS, 0, 2));

        await().atMost(Duration.ofSeconds(30)).until(() -> firingDown(alertmanager).isEmpty());
    }

    @Test
    void aRestartRebuildsTheFiringAlertsFromTheTopicAndKeepsSendingThemUntilResolved(KafkaCluster kafka)
            throws Exception {
        WebhookReceiver alertmanager = receiver;
        SteppingClock clock = new SteppingClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        AlertService first = start(kafka, alertmanager.url("/"), clock);
        AlertEvent firing = PayloadGoldenTest.event(AlertStatus.FIRING);
        firing.setTargetId("r");
        firing.setEmittedAt(clock.instant());

        sendAlert(firing);
        await().atMost(Duration.ofSeconds(30)).until(() -> alertmanager.delivered().size() == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> committedDeliveries() == 1);
        first.close();
        start(kafka, alertmanager.url("/"), clock);

        await().atMost(Duration.ofSeconds(30)).until(() -> alertmanager.delivered().size() == 2);
        assertThat(sent(1).path("labels").path("alertId").asText()).as("rebuilt and sent again at once")
                .isEqualTo(firing.getAlertId());
        assertThat(sent(1).path("endsAt").asText()).isEqualTo(clock.instant().plus(Duration.ofMinutes(4)).toString());

        clock.advance(Duration.ofMinutes(1));
        await().atMost(Duration.ofSeconds(30)).until(() -> alertmanager.delivered().size() == 3);
        assertThat(sent(2).path("endsAt").asText()).isEqualTo(clock.instant().plus(Duration.ofMinutes(4)).toString());

        AlertEvent resolved = AlertEvent.newBuilder(firing).setStatus(AlertStatus.RESOLVED).setEndsAt(clock.instant())
                .setEmittedAt(clock.instant()).build();
        sendAlert(resolved);
        await().atMost(Duration.ofSeconds(30)).until(() -> alertmanager.delivered().size() == 4);
        assertThat(sent(3).path("endsAt").asText()).isEqualTo(resolved.getEndsAt().toString());
        clock.advance(Duration.ofMinutes(5));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> alertmanager.requests().size() == 4);
        assertThat(alertmanager.requests()).extracting(WebhookReceiver.Request::path).containsOnly("/api/v2/alerts");
    }

    private AlertService start(KafkaCluster kafka, String url, Clock clock) throws Exception {
        this.kafka = kafka;
        if (config == null) {
            config = AlertServiceTest.config(kafka, "{name: am, url: \"" + url + "\", format: alertmanager-api}");
        }
        AlertService service = new AlertService(config, "127.0.0.1", clock, Metrics.newRegistry("alert-consumer"));
        started.push(service);
        service.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> AlertServiceTest.health(service) == 200);
        return service;
    }

    /** The alerts of rule down that Alertmanager holds as not ended. */
    private static List<JsonNode> firingDown(AlertmanagerProcess alertmanager) throws Exception {
        String filter = URLEncoder.encode("alertname=\"down\"", StandardCharsets.UTF_8);
        List<JsonNode> alerts = new ArrayList<>();
        JSON.readTree(alertmanager.get("/api/v2/alerts?filter=" + filter).body()).elements()
                .forEachRemaining(alerts::add);
        return alerts;
    }

    private JsonNode sent(int request) throws Exception {
        return JSON.readTree(receiver.delivered().get(request).body()).get(0);
    }

    private long committedDeliveries() throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = kafka.admin()
                .listConsumerGroupOffsets(config.kafka().topics().alerts() + ".delivery.am")
                .partitionsToOffsetAndMetadata().get();
        return offsets.values().stream().mapToLong(OffsetAndMetadata::offset).sum();
    }

    private void sendAlert(AlertEvent event) throws Exception {
        try (KafkaProducer<String, AlertEvent> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                kafka.bootstrapServers()), new StringSerializer(), new AlertEventSerde().serializer())) {
            producer.send(new ProducerRecord<>(config.kafka().topics().alerts(), event.getTargetId(), event)).get();
        }
    }

    private void sendStats(WindowStats... stats) throws Exception {
        try (KafkaProducer<String, WindowStats> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                kafka.bootstrapServers()), new StringSerializer(), new WindowStatsSerde().serializer())) {
            for (WindowStats window : stats) {
                window.setEmittedAt(Instant.now());
                producer.send(new ProducerRecord<>(config.kafka().topics().stats(), window.getTargetId(), window)).get();
            }
        }
    }
}
