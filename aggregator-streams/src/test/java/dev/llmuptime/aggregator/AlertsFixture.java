package dev.llmuptime.aggregator;

import dev.llmuptime.schema.AlertEvent;
import dev.llmuptime.schema.AlertEventSerde;
import dev.llmuptime.schema.AlertStatus;
import dev.llmuptime.schema.Outcome;
import dev.llmuptime.schema.ProbeEvidence;
import dev.llmuptime.schema.ProbeResult;
import dev.llmuptime.schema.ProbeResultSerde;
import dev.llmuptime.testkit.KafkaCluster;
import dev.llmuptime.testkit.ProbeResults;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What the dashboard's alerts panel, incident page and per-region rows are tested on: {@code sim-multi}
 * probed from two regions, {@code sim-chat} from one, and alerts in every state, their records carrying
 * the headers the alert consumer writes. Model names, summaries and messages hold markup that must show
 * as text.
 */
final class AlertsFixture {

    static final String MODEL = "gpt-<i>multi</i>";
    static final String FIRING = "down:sim-multi:1";
    static final String ACKNOWLEDGED = "slow:sim-multi:2";
    static final String SILENCED = "down:sim-chat:3";
    static final String RESOLVED = "down:sim-chat:4";
    static final String RESOLVED_LONG_AGO = "down:sim-chat:5";
    static final String MARKUP_SUMMARY = "sim-multi down: <b>2 failures</b>";
    static final String MARKUP_MESSAGE = "<img src=x onerror=\"window.injected=1\">";

    private AlertsFixture() {
    }

    static void feed(KafkaCluster kafka, StatusHttpTest.Topics topics, Instant now) throws Exception {
        try (KafkaProducer<String, ProbeResult> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                kafka.bootstrapServers()), new StringSerializer(), new ProbeResultSerde().serializer())) {
            List<ProbeResult> results = List.of(
                    probe("sim-multi", "eu-west", now.minusSeconds(9), Outcome.SUCCESS),
                    probe("sim-multi", "us-east", now.minusSeconds(8), Outcome.SUCCESS),
                    probe("sim-multi", "eu-west", now.minusSeconds(7), Outcome.SUCCESS),
                    probe("sim-multi", "us-east", now.minusSeconds(6), Outcome.SERVER_ERROR),
                    probe("sim-multi", "eu-west", now.minusSeconds(5), Outcome.TIMEOUT),
                    probe("sim-chat", "local", now.minusSeconds(4), Outcome.SUCCESS),
                    probe("sim-chat", "local", now.minusSeconds(2), Outcome.SUCCESS));
            for (ProbeResult result : results) {
                producer.send(new ProducerRecord<>(topics.results(), null, result.getStartedAt().toEpochMilli(),
                        result.getTargetId(), result)).get();
            }
        }
        AlertEventSerde serde = new AlertEventSerde();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                kafka.bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            Instant down = now.minus(Duration.ofMinutes(40));
            AlertEvent firing = alert(FIRING, "down", AlertStatus.FIRING, "sim-multi", down, null);
            firing.setSummary(MARKUP_SUMMARY);
            firing.setEvidence(List.of(
                    evidence("probe-1", "us-east", down.minusSeconds(60), Outcome.SERVER_ERROR, 503, "overloaded",
                            "req-us-1", MARKUP_MESSAGE),
                    evidence("probe-2", "eu-west", down.minusSeconds(30), Outcome.TIMEOUT, null, null, null,
                            "no answer within 20s")));
            Instant slow = now.minus(Duration.ofMinutes(30));
            AlertEvent acknowledged = alert(ACKNOWLEDGED, "slow", AlertStatus.FIRING, "sim-multi", slow, null);
            Instant silenced = now.minus(Duration.ofMinutes(20));
            Instant resolved = now.minus(Duration.ofHours(5));
            Instant longAgo = now.minus(Duration.ofDays(3));
            List<ProducerRecord<String, byte[]>> records = List.of(
                    record(topics, serde, firing, down, headers("transition", 0, 0)),
                    record(topics, serde, firing, down.plus(Duration.ofMinutes(10)), headers("reminder", 1, 0)),
                    record(topics, serde, firing, down.plus(Duration.ofMinutes(15)), headers("escalation", 0, 1)),
                    record(topics, serde, acknowledged, slow, headers("transition", 0, 0)),
                    record(topics, serde, acknowledged, slow.plus(Duration.ofMinutes(2)),
                            headers("acknowledged", 0, 0).add("llm.acknowledged-by", bytes("alice"))
                                    .add("llm.comment", bytes("looking into it"))),
                    record(topics, serde, alert(SILENCED, "down", AlertStatus.FIRING, "sim-chat", silenced, null),
                            silenced, headers("transition", 0, 0).add("llm.held", bytes("silence:quiet-1"))),
                    record(topics, serde, alert(RESOLVED, "down", AlertStatus.FIRING, "sim-chat", resolved, null),
                            resolved, headers("transition", 0, 0)),
                    record(topics, serde, alert(RESOLVED, "down", AlertStatus.RESOLVED, "sim-chat", resolved,
                            resolved.plus(Duration.ofMinutes(12))), resolved.plus(Duration.ofMinutes(12)),
                            headers("transition", 0, 0)),
                    // Written before routes existed: no headers at all.
                    record(topics, serde, alert(RESOLVED_LONG_AGO, "down", AlertStatus.RESOLVED, "sim-chat", longAgo,
                            longAgo.plusSeconds(60)), longAgo.plusSeconds(60), new RecordHeaders()));
            for (ProducerRecord<String, byte[]> record : records) {
                producer.send(record).get();
            }
        }
    }

    private static ProducerRecord<String, byte[]> record(StatusHttpTest.Topics topics, AlertEventSerde serde,
            AlertEvent event, Instant at, Headers headers) {
        return new ProducerRecord<>(topics.alerts(), null, at.toEpochMilli(), event.getTargetId(),
                serde.serializer().serialize(topics.alerts(), event), headers);
    }

    private static RecordHeaders headers(String kind, int notification, int escalation) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("llm.notice", bytes(kind)).add("llm.notification", bytes(String.valueOf(notification)))
                .add("llm.escalation", bytes(String.valueOf(escalation))).add("llm.notify", bytes("ops"));
        return headers;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static AlertEvent alert(String alertId, String rule, AlertStatus status, String target, Instant startsAt,
            Instant endsAt) {
        AlertEvent event = RecentAlertsTest.alert(alertId, status, target, startsAt, endsAt);
        event.setRule(rule);
        event.setModel(target.equals("sim-multi") ? MODEL : "sim-small");
        return event;
    }

    private static ProbeEvidence evidence(String probeId, String region, Instant at, Outcome outcome, Integer status,
            String errorCode, String requestId, String message) {
        return ProbeEvidence.newBuilder().setProbeId(probeId).setStartedAt(at).setRegion(region).setOutcome(outcome)
                .setHttpStatus(status).setErrorCode(errorCode).setRequestId(requestId).setMessage(message).build();
    }

    private static ProbeResult probe(String target, String region, Instant at, Outcome outcome) {
        return ProbeResults.of(target, at, outcome).setProvider("openai-compatible")
                .setModel(target.equals("sim-multi") ? MODEL : "sim-small").setRegion(region).build();
    }
}
