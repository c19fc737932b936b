package dev.llmuptime.alert;

import static dev.llmuptime.alert.StatsFixtures.probe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llmuptime.schema.AlertStatus;
import dev.llmuptime.schema.Outcome;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Routes, reminders, escalation and acknowledgement, decided in virtual time as the evaluator decides them. */
class NotifierTest {

    private static final String WEBHOOKS = """
            alerts:
              webhooks:
                - {name: ops, url: "http://127.0.0.1:9000/ops"}
                - {name: manager, url: "http://127.0.0.1:9000/manager"}
                - {name: oncall, url: "http://127.0.0.1:9000/oncall"}
              rules:
                - {name: down, condition: "consecutive-failures >= 2", severity: critical, notify: [ops]}
                - {name: errors, condition: "uptime < 0.95"}
            """;

    @Test
    void withoutRoutesAFiringGoesWhereItsRuleSaysOnceAndIsNeverRepeated() {
        NotifyingEngine engine = new NotifyingEngine(WEBHOOKS, StatsFixtures.T0);

        List<Notice> fired = engine.read(probe("a", Outcome.TIMEOUT, 2, 0));

        assertThat(fired).extracting(notice -> notice.event().getRule()).containsExactly("down", "errors");
        assertThat(fired).allSatisfy(notice -> {
            assertThat(notice.kind()).isEqualTo(NoticeKind.TRANSITION);
            assertThat(notice.notification()).isZero();
            assertThat(notice.heldBy()).isNull();
        });
        assertThat(fired.get(0).receivers()).containsExactly("ops");
        assertThat(fired.get(1).receivers()).as("a rule without notify").containsExactly("ops", "manager", "oncall");
        assertThat(engine.pass(Duration.ofHours(10))).as("no repeat-interval: no reminders").isEmpty();
    }

    @Test
    void theFirstMatchingRouteDecidesAndRemindsEveryRepeatIntervalWithTheCountGoingUp() {
        NotifyingEngine engine = new NotifyingEngine(WEBHOOKS + """
                  repeat-interval: 4h
                  routes:
                    - match: {severity: critical, target: "a*"}
                      notify: [manager]
                      repeat-interval: 30m
                    - match: {severity: critical}
                      notify: [oncall]
                """, StatsFixtures.T0);

        List<Notice> fired = engine.read(probe("a", Outcome.TIMEOUT, 2, 0));
        assertThat(fired.get(0).receivers()).containsExactly("manager");
        assertThat(fired.get(1).receivers()).as("no route takes a warning").containsExactly("ops", "manager", "oncall");
        assertThat(engine.pass(Duration.ofMinutes(30).minusSeconds(1))).isEmpty();

        List<Notice> reminders = engine.pass(Duration.ofHours(4).minus(Duration.ofMinutes(30).minusSeconds(1)));

        assertThat(reminders).filteredOn(notice -> notice.event().getRule().equals("down"))
                .extracting(Notice::notification).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(reminders).filteredOn(notice -> notice.event().getRule().equals("errors"))
                .singleElement().satisfies(reminder -> {
                    assertThat(reminder.notification()).isEqualTo(1);
                    assertThat(reminder.receivers()).containsExactly("ops", "manager", "oncall");
                    assertThat(reminder.event().getEmittedAt()).isEqualTo(StatsFixtures.T0.plus(Duration.ofHours(4)));
                });
        assertThat(reminders).allSatisfy(reminder -> {
            assertThat(reminder.kind()).isEqualTo(NoticeKind.REMINDER);
            assertThat(reminder.event().getStatus()).isEqualTo(AlertStatus.FIRING);
        });
        assertThat(reminders.get(0).event().getAlertId()).isEqualTo(fired.get(0).event().getAlertId());
        assertThat(reminders.get(0).receivers()).containsExactly("manager");
        assertThat(reminders.get(0).event().getEmittedAt()).isEqualTo(StatsFixtures.T0.plus(Duration.ofMinutes(30)));
    }

    @Test
    void escalationTellsEachStepsNewWebhooksAndTheResolvedGoesToEveryoneTold() {
        NotifyingEngine engine = new NotifyingEngine(WEBHOOKS + """
                  routes:
                    - match: {rule: down}
                      repeat-interval: 30m
                      escalate:
                        - {after: 15m, notify: [manager]}
                        - {after: 1h, notify: [ops, oncall]}
                """, StatsFixtures.T0);
        String alertId = engine.read(probe("a", Outcome.TIMEOUT, 2, 0)).get(0).event().getAlertId();

        List<Notice> firstStep = engine.pass(Duration.ofMinutes(15));
        assertThat(firstStep).singleElement().satisfies(escalation -> {
            assertThat(escalation.kind()).isEqualTo(NoticeKind.ESCALATION);
            assertThat(escalation.event().getAlertId()).isEqualTo(alertId);
            assertThat(escalation.event().getStatus()).isEqualTo(AlertStatus.FIRING);
            assertThat(escalation.notification()).as("the first these webhooks hear of it").isZero();
            assertThat(escalation.escalation()).isEqualTo(1);
            assertThat(escalation.receivers()).containsExactly("manager");
        });
        assertThat(engine.pass(Duration.ofMinutes(15))).singleElement().satisfies(reminder -> {
            assertThat(reminder.kind()).isEqualTo(NoticeKind.REMINDER);
            assertThat(reminder.notification()).isEqualTo(1);
            assertThat(reminder.receivers()).containsExactly("ops", "manager");
        });
        List<Notice> secondStep = engine.pass(Duration.ofMinutes(30));
        assertThat(secondStep).extracting(Notice::kind).containsExactly(NoticeKind.ESCALATION, NoticeKind.REMINDER);
        assertThat(secondStep.get(0).receivers()).as("ops was told already").containsExactly("oncall");
        assertThat(secondStep.get(1).receivers()).containsExactly("ops", "manager", "oncall");

        List<Notice> resolved = engine.read(probe("a", Outcome.SUCCESS, 0, 1));

        assertThat(resolved).filteredOn(notice -> notice.event().getRule().equals("down")).singleElement()
                .satisfies(notice -> {
                    assertThat(notice.event().getStatus()).isEqualTo(AlertStatus.RESOLVED);
                    assertThat(notice.receivers()).containsExactly("ops", "manager", "oncall");
                    assertThat(notice.escalation()).isEqualTo(2);
                });
        assertThat(engine.pass(Duration.ofHours(2))).as("an episode that is over")
                .noneMatch(notice -> notice.event().getAlertId().equals(alertId));
    }

    @Test
    void episodesReadBackFromTheStateTopicGoOnCountingWithoutRepeating() {
        String yaml = WEBHOOKS + """
                  repeat-interval: 30m
                """;
        NotifyingEngine before = new NotifyingEngine(yaml, StatsFixtures.T0);
        before.read(probe("a", Outcome.TIMEOUT, 2, 0));
        assertThat(before.pass(Duration.ofMinutes(30))).extracting(Notice::notification).containsExactly(1, 1);
        StateCodec codec = new StateCodec();
        List<Notifier.Change> persisted = before.notifier().drainChanged();
        assertThat(persisted).hasSize(2).allSatisfy(change -> assertThat(change.targetId()).isEqualTo("a"));

        NotifyingEngine after = new NotifyingEngine(yaml, before.now());
        persisted.forEach(change -> after.notifier().restore(change.alertId(),
                codec.decodeEpisode(codec.encode(change.episode()))));
        after.notifier().drainChanged();

        assertThat(after.pass(Duration.ofMinutes(30).minusSeconds(1))).as("nothing is repeated").isEmpty();
        assertThat(after.pass(Duration.ofSeconds(1))).as("nor forgotten").extracting(Notice::notification)
                .containsExactly(2, 2);
    }
}
