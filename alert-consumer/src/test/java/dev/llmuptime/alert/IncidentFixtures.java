package dev.llmuptime.alert;

import dev.llmuptime.schema.AlertEvent;
import dev.llmuptime.schema.AlertEventSerde;
import dev.llmuptime.schema.AlertStatus;
import dev.llmuptime.schema.Outcome;
import dev.llmuptime.schema.ProbeEvidence;
import dev.llmuptime.schema.ProbeResult;
import dev.llmuptime.testkit.ProbeResults;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** An incident's records as the evaluator writes them (event and headers) and its target's probe results. */
final class IncidentFixtures {

    static final String TARGET = "openai-gpt-4o-mini-chat";

    private IncidentFixtures() {
    }

    static String alertId(Instant startsAt) {
        return "down:" + TARGET + ":" + startsAt.toEpochMilli();
    }

    /** The FIRING of {@code down} on {@link #TARGET} that started at {@code startsAt}, with one failed probe as evidence. */
    static AlertEvent firing(Instant startsAt, ProbeResult evidence) {
        return event(startsAt, AlertStatus.FIRING, null).setEvidence(List.of(ProbeEvidence.newBuilder()
                .setProbeId(evidence.getProbeId()).setStartedAt(evidence.getStartedAt()).setRegion(evidence.getRegion())
                .setOutcome(evidence.getOutcome()).setHttpStatus(evidence.getHttpStatus())
                .setErrorCode(evidence.getErrorCode()).setRequestId(evidence.getRequestId())
                .setMessage(evidence.getMessage()).build())).build();
    }

    static AlertEvent resolved(Instant startsAt, Instant endsAt) {
        return event(startsAt, AlertStatus.RESOLVED, endsAt).setEmittedAt(endsAt).setValue(0.0)
                .setSummary("resolved: down on " + TARGET + " (gpt-4o-mini): consecutive-failures = 0").build();
    }

    private static AlertEvent.Builder event(Instant startsAt, AlertStatus status, Instant endsAt) {
        return AlertEvent.newBuilder().setAlertId(alertId(startsAt)).setRule("down").setSeverity("critical")
                .setStatus(status).setTargetId(TARGET).setProvider("openai").setModel("gpt-4o-mini")
                .setMetric("consecutive-failures").setValue(2.0).setThreshold(2.0).setStartsAt(startsAt)
                .setEndsAt(endsAt).setEmittedAt(startsAt)
                .setSummary("down on " + TARGET + " (gpt-4o-mini): consecutive-failures = 2 (consecutive-failures >= 2)");
    }

    /** A failed probe of {@link #TARGET} with the provider's answer. */
    static ProbeResult.Builder failure(Instant at, String region, Outcome outcome, Integer status, String errorCode,
            String requestId) {
        return ProbeResults.of(TARGET, at, outcome).setRegion(region).setHttpStatus(status).setErrorCode(errorCode)
                .setRequestId(requestId).setMessage(outcome == Outcome.TIMEOUT ? "no answer in 20 s" : "overloaded");
    }

    static ProbeResult success(Instant at, String region) {
        return ProbeResults.success(TARGET, at).setRegion(region).setHttpStatus(200).build();
    }

    /** The record the evaluator writes for {@code notice}: stamped with its event's emission, with its headers. */
    static ProducerRecord<String, byte[]> record(String topic, Notice notice, Instant at) {
        RecordHeaders headers = new RecordHeaders();
        NoticeHeaders.write(notice, headers);
        return new ProducerRecord<>(topic, null, at.toEpochMilli(), notice.event().getTargetId(),
                new AlertEventSerde().serializer().serialize(topic, notice.event()), headers);
    }

    /** {@code notice} as the alerts topic's history reads it back, written at {@code at}. */
    static AlertHistory.Entry entry(Notice notice, Instant at) {
        RecordHeaders headers = new RecordHeaders();
        NoticeHeaders.write(notice, headers);
        return AlertHistory.Entry.of(at, notice.event(), headers);
    }

    /** The records of one incident: FIRING to ops, a reminder, alice's acknowledgement, the RESOLVED. */
    static List<Notice> story(AlertEvent firing, AlertEvent resolved, Instant ackAt) {
        return List.of(new Notice(firing, NoticeKind.TRANSITION, 0, 0, List.of("ops"), null),
                new Notice(firing, NoticeKind.REMINDER, 1, 0, List.of("ops"), null),
                Notice.acknowledged(firing, 0, new Acknowledgement(firing.getAlertId(), TARGET, "alice",
                        "opened a ticket with OpenAI", ackAt)),
                new Notice(resolved, NoticeKind.TRANSITION, 0, 0, List.of("ops"), null));
    }
}
