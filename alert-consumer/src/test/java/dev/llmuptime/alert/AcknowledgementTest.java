package dev.llmuptime.alert;

import static dev.llmuptime.alert.StatsFixtures.probe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llmuptime.schema.AlertStatus;
import dev.llmuptime.schema.Outcome;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** An acknowledged alert, decided in virtual time: no more reminders or escalations, one audit record, its RESOLVED sent. */
class AcknowledgementTest {

    private static final String CONFIG = """
            alerts:
              webhooks:
                - {name: ops, url: "http://127.0.0.1:9000/ops"}
                - {name: manager, url: "http://127.0.0.1:9000/manager"}
              rules:
                - {name: down, condition: "consecutive-failures >= 2", severity: critical}
              routes:
                - match: {rule: down}
                  notify: [ops]
                  repeat-interval: 10m
                  escalate: [{after: 15m, notify: [manager]}, {after: 1h, notify: [manager, ops]}]
            """;

    private final LatestByKey<Acknowledgement> acks = new LatestByKey<>();
    private final NotifyingEngine engine = new NotifyingEngine(CONFIG, StatsFixtures.T0, acks::get,
            (labels, now) -> Optional.empty());

    @Test
    void anAcknowledgedAlertIsRecordedOnceThenNeitherRemindedNorEscalatedAndItsResolvedGoesToAllItReached() {
        String alertId = engine.read(probe("a", Outcome.TIMEOUT, 2, 0)).get(0).event().getAlertId();
        assertThat(engine.pass(Duration.ofMinutes(15))).extracting(Notice::kind)
                .containsExactly(NoticeKind.REMINDER, NoticeKind.ESCALATION);

        acks.put(alertId, ack(alertId));
        List<Notice> afterAck = engine.pass(Duration.ofHours(3));

        assertThat(afterAck).as("the audit record, and no reminder or escalation").singleElement().satisfies(audit -> {
            assertThat(audit.kind()).isEqualTo(NoticeKind.ACKNOWLEDGED);
            assertThat(audit.event().getAlertId()).isEqualTo(alertId);
            assertThat(audit.event().getStatus()).isEqualTo(AlertStatus.FIRING);
            assertThat(audit.event().getEmittedAt()).isEqualTo(StatsFixtures.T0.plus(Duration.ofMinutes(15)).plusSeconds(1));
            assertThat(audit.receivers()).as("sent to no webhook").isEmpty();
            assertThat(audit.heldBy()).isNull();
            assertThat(audit.acknowledgement().by()).isEqualTo("alice");
            assertThat(audit.escalation()).isEqualTo(1);
        });
        List<Notice> resolved = engine.read(probe("a", Outcome.SUCCESS, 0, 1));
        assertThat(resolved).singleElement().satisfies(notice -> {
            assertThat(notice.event().getStatus()).isEqualTo(AlertStatus.RESOLVED);
            assertThat(notice.receivers()).containsExactly("ops", "manager");
        });
        assertThat(engine.notifier().drainSettledAcknowledgements()).as("its acknowledgement is done with")
                .containsExactly(alertId);
    }

    @Test
    void anAlertNobodyAcknowledgedLeavesNoAcknowledgementToSettle() {
        engine.read(probe("a", Outcome.TIMEOUT, 2, 0));
        engine.read(probe("a", Outcome.SUCCESS, 0, 1));

        assertThat(engine.notifier().drainSettledAcknowledgements()).isEmpty();
    }

    @Test
    void theAcknowledgementIsRecordedOnceAcrossARestart() {
        String alertId = engine.read(probe("a", Outcome.TIMEOUT, 2, 0)).get(0).event().getAlertId();
        acks.put(alertId, ack(alertId));
        assertThat(engine.pass(Duration.ofSeconds(1))).extracting(Notice::kind).containsExactly(NoticeKind.ACKNOWLEDGED);
        StateCodec codec = new StateCodec();
        List<Notifier.Change> persisted = engine.notifier().drainChanged();

        NotifyingEngine restarted = new NotifyingEngine(CONFIG, engine.now(), acks::get,
                (labels, now) -> Optional.empty());
        persisted.forEach(change -> restarted.notifier().restore(change.alertId(),
                codec.decodeEpisode(codec.encode(change.episode()))));

        assertThat(restarted.pass(Duration.ofHours(2))).as("neither the audit record again nor a reminder").isEmpty();
    }

    @Test
    void anAcknowledgementOfAnAlertThatResolvedInTheSameTickIsSettledToo() {
        String alertId = engine.read(probe("a", Outcome.TIMEOUT, 2, 0)).get(0).event().getAlertId();
        acks.put(alertId, ack(alertId));

        engine.read(probe("a", Outcome.SUCCESS, 0, 1));

        assertThat(engine.notifier().drainSettledAcknowledgements()).containsExactly(alertId);
    }

    private static Acknowledgement ack(String alertId) {
        return new Acknowledgement(alertId, "a", "alice", "looking at it", StatsFixtures.T0);
    }
}
