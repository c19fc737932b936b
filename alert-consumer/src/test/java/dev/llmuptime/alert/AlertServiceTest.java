package dev.llmuptime.alert;

import static dev.llmuptime.alert.StatsFixtures.probe;
import static dev.llmuptime.testkit.TopicReader.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmuptime.config.MonitorConfig;
import dev.llmuptime.ops.Metrics;
import dev.llmuptime.schema.AlertEventSerde;
import dev.llmuptime.schema.Outcome;
import dev.llmuptime.schema.ProbeEvidence;
import dev.llmuptime.schema.WindowStats;
import dev.llmuptime.schema.WindowStatsSerde;
import dev.llmuptime.testkit.KafkaCluster;
import dev.llmuptime.testkit.SharedKafka;
import dev.llmuptime.testkit.TopicReader;
import dev.llmuptime.testkit.WebhookReceiver;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/** The alert consumer against a real broker and a real HTTP receiver on 127.0.0.1. */
@ExtendWith(SharedKafka.class)
class AlertServiceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "whsec-it-0123";

    private final WebhookReceiver receiver = new WebhookReceiver();
    private final List<AlertService> services = new ArrayList<>();
    private KafkaCluster kafka;
    private MonitorConfig config;
    private Clock clock = Clock.systemUTC();

    @AfterEach
    void stop() {
        services.forEach(AlertService::close);
        receiver.close();
    }

    @Test
    void anOutageGivesOneSignedFiringAndRecoveryOneResolvedAndARestartRepeatsNothing(KafkaCluster kafka)
            throws Exception {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).addAppender(logs);
        AlertService service = start(kafka);

        sendStats(probe("a", Outcome.TIMEOUT, 1, 0), probe("a", Outcome.TIMEOUT, 2, 0), probe("a", Outcome.TIMEOUT, 3, 0));
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.delivered().size() == 1);
        WebhookReceiver.Request firing = receiver.delivered().get(0);
        JsonNode body = JSON.readTree(firing.body());
        assertThat(body.path("status").asText()).isEqualTo("FIRING");
        assertThat(body.path("rule").asText()).isEqualTo("down");
        assertThat(body.path("targetId").asText()).isEqualTo("a");
        assertThat(body.path("model").asText()).isEqualTo("gpt-4o-mini");
        assertThat(body.path("dashboardUrl").asText()).isEqualTo("http://localhost:8080/");
        assertThat(firing.header("Idempotency-Key")).isEqualTo(body.path("alertId").asText() + ":FIRING");
        assertSigned(firing);

        // A restart neither repeats nor forgets the FIRING.
        service.close();
        start(kafka);
        sendStats(probe("a", Outcome.TIMEOUT, 4, 0), probe("a", Outcome.SUCCESS, 0, 1), probe("a", Outcome.SUCCESS, 0, 2));
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.delivered().size() == 2);
        JsonNode resolved = JSON.readTree(receiver.delivered().get(1).body());
        assertThat(resolved.path("status").asText()).isEqualTo("RESOLVED");
        assertThat(resolved.path("alertId").asText()).isEqualTo(body.path("alertId").asText());
        assertThat(resolved.path("endsAt").asText()).isNotEmpty();
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> receiver.requests().size() == 2);
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage).isNotEmpty()
                .noneMatch(line -> line.contains(SECRET));
    }

    @Test
    void aFiringCarriesItsFailedProbesToTheReceiverAndTheAlertsTopic(KafkaCluster kafka) throws Exception {
        start(kafka);
        Instant first = Instant.now().minusSeconds(10).truncatedTo(ChronoUnit.MILLIS);
        Instant second = first.plusSeconds(5);

        sendStats(failedAt(probe("e", Outcome.SERVER_ERROR, 1, 0), first),
                failedAt(probe("e", Outcome.SERVER_ERROR, 2, 0), first, second));

        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.delivered().size() == 1);
        JsonNode evidence = JSON.readTree(receiver.delivered().get(0).body()).path("evidence");
        assertThat(evidence).hasSize(2);
        assertThat(evidence.get(1).path("requestId").asText()).isEqualTo("req-" + second.toEpochMilli());
        assertThat(evidence.get(1).path("startedAt").asText()).isEqualTo(second.toString());
        assertThat(evidence.get(1).path("httpStatus").asInt()).isEqualTo(503);
        List<ConsumerRecord<String, byte[]>> alerts = readAll(config.kafka().topics().alerts(), 1);
        assertThat(new AlertEventSerde().deserializer().deserialize("alerts", alerts.get(0).value()).getEvidence())
                .extracting(ProbeEvidence::getRequestId)
                .containsExactly("req-" + first.toEpochMilli(), "req-" + second.toEpochMilli());
    }

    @Test
    void aReceiverFailingThreeTimesGetsTheAlertOnceAfterRetries(KafkaCluster kafka) throws Exception {
        receiver.answer(500, 503, 500);
        AlertService service = start(kafka);

        sendStats(probe("b", Outcome.SERVER_ERROR, 2, 0));

        await().atMost(Duration.ofSeconds(60)).until(() -> receiver.delivered().size() == 1);
        assertThat(receiver.requests()).hasSize(4).extracting(request -> request.header("Idempotency-Key"))
                .containsOnly(receiver.requests().get(0).header("Idempotency-Key"));
        assertThat(scrape(service)).contains("llm_alert_delivery_retries_total{service=\"alert-consumer\",webhook=\"ops\"} 3.0",
                "llm_alert_deliveries_total{result=\"delivered\",service=\"alert-consumer\",webhook=\"ops\"} 1.0");
    }

    @Test
    void aRejectedAlertGoesToTheDeadLetterTopicWithTheReason(KafkaCluster kafka) throws Exception {
        receiver.answer(400);
        start(kafka);

        sendStats(probe("c", Outcome.SERVER_ERROR, 2, 0));

        List<ConsumerRecord<String, byte[]>> dead = readAll(config.kafka().topics().alerts() + ".dlq", 1);
        assertThat(dead).hasSize(1);
        assertThat(header(dead.get(0), "llm.webhook")).isEqualTo("ops");
        assertThat(header(dead.get(0), "llm.reason")).isEqualTo("rejected");
        assertThat(header(dead.get(0), "llm.error")).isEqualTo("HTTP 400: {}");
        assertThat(header(dead.get(0), "llm.attempts")).isEqualTo("1");
        assertThat(header(dead.get(0), "llm.source.topic")).isEqualTo(config.kafka().topics().alerts());
        assertThat(receiver.requests()).hasSize(1);
    }

    @Test
    void aReceiverDownFor30SecondsGetsTheAlertWhenItReturns(KafkaCluster kafka) throws Exception {
        receiver.stop();
        AlertService service = start(kafka);

        sendStats(probe("d", Outcome.CONNECTION_ERROR, 2, 0));
        Instant down = Instant.now();
        await().atMost(Duration.ofSeconds(60)).until(() -> Duration.between(down, Instant.now()).toSeconds() >= 30
                && scrape(service).contains("llm_alert_delivery_retries_total"));
        receiver.restart();

        await().atMost(Duration.ofSeconds(90)).until(() -> receiver.delivered().size() == 1);
        assertThat(JSON.readTree(receiver.delivered().get(0).body()).path("targetId").asText()).isEqualTo("d");
    }

    @Test
    void aConsumerStoppedDuringDeliveryDeliversAfterRestartWithTheSameKey(KafkaCluster kafka) throws Exception {
        receiver.otherwise(503);
        AlertService service = start(kafka);
        sendStats(probe("e", Outcome.SERVER_ERROR, 2, 0));
        await().atMost(Duration.ofSeconds(30)).until(() -> !receiver.requests().isEmpty());
        String key = receiver.requests().get(0).header("Idempotency-Key");

        service.close();
        receiver.otherwise(200);
        start(kafka);

        await().atMost(Duration.ofSeconds(60)).until(() -> receiver.delivered().size() == 1);
        assertThat(receiver.delivered().get(0).header("Idempotency-Key")).isEqualTo(key);
    }

    @Test
    void anEventNotDeliveredWithinMaxRetryAgeExpiresIntoTheDeadLetterTopic(KafkaCluster kafka) throws Exception {
        receiver.otherwise(503);
        config = config(kafka, "{name: ops, url: \"" + receiver.url() + "\", max-retry-age: 3s}");
        start(kafka);

        sendStats(probe("f", Outcome.SERVER_ERROR, 2, 0));

        List<ConsumerRecord<String, byte[]>> dead = readAll(config.kafka().topics().alerts() + ".dlq", 1);
        assertThat(header(dead.get(0), "llm.reason")).isEqualTo("expired");
        assertThat(header(dead.get(0), "llm.error")).startsWith("not delivered within max-retry-age 3s after ")
                .endsWith("; last: HTTP 503: {}");
        assertThat(receiver.delivered()).isEmpty();
        assertThat(receiver.requests()).isNotEmpty();
    }

    @Test
    void anUndecodableStatsRecordGoesToTheStatsDeadLetterTopicAndEvaluationGoesOn(KafkaCluster kafka)
            throws Exception {
        start(kafka);
        String stats = config.kafka().topics().stats();

        sendGarbage(stats, "g");
        sendStats(probe("g", Outcome.TIMEOUT, 2, 0));

        assertGarbageDeadLettered(readAll(stats + ".dlq", 1).get(0), stats, "g", "WindowStats");
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.delivered().size() == 1);
    }

    @Test
    void anUndecodableAlertGoesToTheAlertsDeadLetterTopicAndDeliveryGoesOn(KafkaCluster kafka) throws Exception {
        start(kafka);
        String alerts = config.kafka().topics().alerts();

        sendGarbage(alerts, "h");
        sendStats(probe("h", Outcome.TIMEOUT, 2, 0));

        ConsumerRecord<String, byte[]> dead = readAll(alerts + ".dlq", 1).get(0);
        assertGarbageDeadLettered(dead, alerts, "h", "AlertEvent");
        assertThat(header(dead, "llm.webhook")).isEqualTo("ops");
        assertThat(header(dead, "llm.attempts")).isEqualTo("0");
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.delivered().size() == 1);
    }

    @Test
    void aReceiverThatKeepsFailingOpensItsCircuitAndIsLeftAlone(KafkaCluster kafka) throws Exception {
        receiver.otherwise(503);
        config = config(kafka, "{name: ops, url: \"" + receiver.url() + "\", circuit-breaker: {sliding-window: 2, "
                + "minimum-calls: 2, wait-in-open: 10m}}");
        AlertService service = start(kafka);
        String circuit = "llm_alert_webhook_circuit{service=\"alert-consumer\",webhook=\"ops\"} ";
        assertThat(scrape(service)).contains(circuit + "0.0");

        sendStats(probe("k", Outcome.SERVER_ERROR, 2, 0));

        await().atMost(Duration.ofSeconds(30)).until(() -> scrape(service).contains(circuit + "1.0"));
        assertThat(receiver.requests()).hasSize(2);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> receiver.requests().size() == 2);
        assertThat(scrape(service)).contains(circuit + "1.0");
    }

    @Test
    void aNewEvaluatorGroupReadsTheStatsOfTheLastTwoMinutesAndNoOlder(KafkaCluster kafka) throws Exception {
        this.kafka = kafka;
        config = config(kafka, "{name: ops, url: \"" + receiver.url() + "\"}");
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(config.kafka().topics().stats(), 1, (short) 1))).all().get();
        }
        Instant now = Instant.now();
        sendStatsAt(now.minus(Duration.ofMinutes(10)), probe("old", Outcome.TIMEOUT, 2, 0));
        sendStatsAt(now.minus(Duration.ofSeconds(30)), probe("recent", Outcome.TIMEOUT, 2, 0));

        start(kafka);

        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.delivered().size() == 1);
        assertThat(JSON.readTree(receiver.delivered().get(0).body()).path("targetId").asText()).isEqualTo("recent");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> receiver.requests().size() == 1);
    }

    @Test
    void aRestartReadsTheWindowHistoryBackSoABurnRateSpanningItFires(KafkaCluster kafka) throws Exception {
        config = config(kafka, "{name: ops, url: \"" + receiver.url() + "\"}", """
                  rules:
                    - {name: budget, window: 1m, condition: "burn-rate(1h, 5m) > 14.4", min-samples: 550}
                    - {name: down, condition: "consecutive-failures >= 2"}
                """);
        long firstMinute = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(54)).toEpochMilli();
        AlertService first = start(kafka);
        // 50 minutes of 10 probes with one failure each: 20x the budget, but 500 probes are fewer than 550.
        for (int minute = 0; minute < 50; minute++) {
            sendStats(minuteWithOneFailureInTen(firstMinute, minute));
        }
        sendStats(probe("marker", Outcome.TIMEOUT, 2, 0));
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.delivered().size() == 1);
        first.close();

        start(kafka);
        for (int minute = 50; minute < 55; minute++) {
            sendStats(minuteWithOneFailureInTen(firstMinute, minute));
        }

        // 50 probes since the restart: only the 500 read back make the hour's 550.
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.delivered().size() == 2);
        JsonNode fired = JSON.readTree(receiver.delivered().get(1).body());
        assertThat(fired.path("rule").asText()).isEqualTo("budget");
        assertThat(fired.path("targetId").asText()).isEqualTo("r");
        assertThat(fired.path("value").asDouble()).isCloseTo(20.0, within(1e-6));
    }

    @Test
    void aReminderIsDeliveredWithItsNumberAndARestartNeitherRepeatsNorForgetsIt(KafkaCluster kafka) throws Exception {
        SteppingClock stepping = new SteppingClock(Instant.now());
        clock = stepping;
        config = config(kafka, "{name: ops, url: \"" + receiver.url() + "\"}", """
                  repeat-interval: 30m
                  rules:
                    - {name: down, condition: "consecutive-failures >= 2"}
                """);
        AlertService service = start(kafka);
        sendStats(probe("a", Outcome.TIMEOUT, 2, 0));
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.delivered().size() == 1);
        String alertId = JSON.readTree(receiver.delivered().get(0).body()).path("alertId").asText();
        assertNotification(0, alertId, alertId + ":FIRING");

        stepping.advance(Duration.ofMinutes(30));
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.delivered().size() == 2);
        assertNotification(1, alertId, alertId + ":FIRING:1");

        service.close();
        start(kafka);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> receiver.requests().size() == 2);
        stepping.advance(Duration.ofMinutes(30));

        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.delivered().size() == 3);
        assertNotification(2, alertId, alertId + ":FIRING:2");
    }

    /** The receiver's notification {@code number} of the FIRING {@code alertId} came with this key. */
    private void assertNotification(int number, String alertId, String idempotencyKey) throws Exception {
        WebhookReceiver.Request request = receiver.delivered().get(number);
        JsonNode body = JSON.readTree(request.body());
        assertThat(body.path("alertId").asText()).isEqualTo(alertId);
        assertThat(body.path("status").asText()).isEqualTo("FIRING");
        assertThat(body.path("notification").asInt(-1)).isEqualTo(number);
        assertThat(request.header("Idempotency-Key")).isEqualTo(idempotencyKey);
    }

    /** Target r's 1-minute window {@code minute} minutes after {@code firstMinute}: 10 probes, one failed. */
    private static WindowStats minuteWithOneFailureInTen(long firstMinute, int minute) {
        Instant start = Instant.ofEpochMilli(firstMinute).plus(Duration.ofMinutes(minute));
        WindowStats stats = StatsFixtures.stats("r", Duration.ofMinutes(1), 10, 0.9, 500.0, Outcome.SUCCESS, 0, 1);
        stats.setWindowStart(start);
        stats.setWindowEnd(start.plus(Duration.ofMinutes(1)));
        stats.setOutcomeCounts(Map.of(Outcome.SUCCESS.name(), 9L, Outcome.SERVER_ERROR.name(), 1L));
        stats.setLastProbeAt(start.plusSeconds(50));
        return stats;
    }

    private AlertService start(KafkaCluster kafka) throws Exception {
        this.kafka = kafka;
        if (config == null) {
            config = config(kafka, "{name: ops, url: \"" + receiver.url() + "\", secret: " + SECRET + "}");
        }
        PrometheusMeterRegistry registry = Metrics.newRegistry("alert-consumer");
        AlertService service = new AlertService(config, "127.0.0.1", clock, registry);
        services.add(service);
        service.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> health(service) == 200);
        return service;
    }

    /** Topics of their own, one webhook as given in YAML flow style. */
    static MonitorConfig config(KafkaCluster kafka, String webhook) {
        return config(kafka, webhook, "");
    }

    /** The same, with {@code rules} (YAML lines under {@code alerts}) instead of the default rules. */
    private static MonitorConfig config(KafkaCluster kafka, String webhook, String rules) {
        return OwnTopicsConfig.of(kafka, """
                  dashboard-url: http://localhost:8080/
                  webhooks:
                    - %s
                %s""".formatted(webhook, rules));
    }

    /** {@code stats} after server errors that started at {@code failures}, the last of them its last probe. */
    private static WindowStats failedAt(WindowStats stats, Instant... failures) {
        stats.setLastProbeAt(failures[failures.length - 1]);
        stats.setRecentFailures(Arrays.stream(failures).map(at -> ProbeEvidence.newBuilder()
                .setProbeId("probe-" + at.toEpochMilli()).setStartedAt(at).setRegion("local")
                .setOutcome(Outcome.SERVER_ERROR).setHttpStatus(503).setRequestId("req-" + at.toEpochMilli())
                .build()).toList());
        return stats;
    }

    private void sendStats(WindowStats... stats) throws Exception {
        sendStatsAt(null, stats);
    }

    /** Sends {@code stats} emitted at {@code emittedAt}, or now when it is null. */
    private void sendStatsAt(Instant emittedAt, WindowStats... stats) throws Exception {
        try (KafkaProducer<String, WindowStats> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                kafka.bootstrapServers()), new StringSerializer(), new WindowStatsSerde().serializer())) {
            for (WindowStats window : stats) {
                Instant at = emittedAt == null ? Instant.now() : emittedAt;
                window.setEmittedAt(at);
                producer.send(new ProducerRecord<>(config.kafka().topics().stats(), null, at.toEpochMilli(),
                        window.getTargetId(), window)).get();
            }
        }
    }

    /** A value no decoder accepts, as another producer might write it. */
    private void sendGarbage(String topic, String key) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                kafka.bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key, "garbage".getBytes(StandardCharsets.UTF_8))).get();
        }
    }

    /** {@code dead} is the garbage of {@link #sendGarbage}, the first record of {@code topic}, as one dead letter. */
    private static void assertGarbageDeadLettered(ConsumerRecord<String, byte[]> dead, String topic, String key,
            String schema) {
        assertThat(dead.key()).isEqualTo(key);
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("garbage");
        assertThat(header(dead, "llm.source.topic")).isEqualTo(topic);
        assertThat(header(dead, "llm.source.partition")).isEqualTo("0");
        assertThat(header(dead, "llm.source.offset")).isEqualTo("0");
        assertThat(header(dead, "llm.reason")).isEqualTo("undecodable");
        assertThat(header(dead, "llm.error")).contains("not an Avro single-object encoded " + schema);
    }

    private static void assertSigned(WebhookReceiver.Request request) {
        String header = request.header("X-LLM-Monitor-Signature");
        assertThat(header).matches("t=\\d+,v1=[0-9a-f]{64}");
        long t = Long.parseLong(header.substring(2, header.indexOf(',')));
        assertThat(header.substring(header.indexOf("v1=") + 3))
                .isEqualTo(Signature.hmac(SECRET, t, request.body().getBytes(StandardCharsets.UTF_8)));
        assertThat(Math.abs(Instant.now().getEpochSecond() - t)).isLessThan(120);
    }

    private List<ConsumerRecord<String, byte[]>> readAll(String topic, int expected) {
        return TopicReader.readUntil(kafka.bootstrapServers(), topic, new StringDeserializer(),
                new ByteArrayDeserializer(), expected, Duration.ofSeconds(60));
    }

    static int health(AlertService service) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.opsPort()
                + "/health")).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static String scrape(AlertService service) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.opsPort()
                + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
