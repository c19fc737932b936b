package dev.llmuptime.alert;

import static dev.llmuptime.alert.StatsFixtures.probe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llmuptime.schema.AlertStatus;
import dev.llmuptime.schema.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Maintenance windows: what they cover is written to the alerts topic but not sent, and what still
 * fires when they close is sent then. T0 is a Thursday, 10:00 UTC; the window is 10:30 to 11:30.
 */
class MaintenanceTest {

    private static final String CONFIG = HoldingConfig.withWindow("openai-*",
            "{days: [thu], start: \"10:30\", duration: 1h, timezone: UTC}");
    private static final Instant WINDOW_CLOSES = StatsFixtures.T0.plus(Duration.ofMinutes(90));

    private final NotifyingEngine engine = new NotifyingEngine(CONFIG, StatsFixtures.T0);

    @Test
    void aFiringInTheWindowIsRecordedHeldAndSentWhenTheWindowCloses() {
        engine.pass(Duration.ofMinutes(40));

        List<Notice> fired = engine.read(probe("openai-x", Outcome.TIMEOUT, 2, 0));
        assertThat(fired).singleElement().satisfies(held -> {
            assertThat(held.event().getStatus()).isEqualTo(AlertStatus.FIRING);
            assertThat(held.heldBy()).isEqualTo("maintenance");
            assertThat(held.receivers()).isEmpty();
        });
        assertThat(engine.read(probe("vllm-x", Outcome.TIMEOUT, 2, 0))).as("a target the window does not match")
                .singleElement().satisfies(sent -> assertThat(sent.receivers()).containsExactly("ops"));
        assertThat(engine.pass(Duration.ofMinutes(50).minusSeconds(1)))
                .as("no reminder of what was never sent").allMatch(notice -> notice.event().getTargetId().equals("vllm-x"));

        List<Notice> released = engine.pass(Duration.ofSeconds(1));

        assertThat(released).singleElement().satisfies(release -> {
            assertThat(release.kind()).isEqualTo(NoticeKind.RELEASE);
            assertThat(release.event().getAlertId()).isEqualTo(fired.get(0).event().getAlertId());
            assertThat(release.event().getStatus()).isEqualTo(AlertStatus.FIRING);
            assertThat(release.event().getEmittedAt()).isEqualTo(WINDOW_CLOSES);
            assertThat(release.notification()).isZero();
            assertThat(release.receivers()).containsExactly("ops");
        });
        assertThat(engine.pass(Duration.ofMinutes(20))).filteredOn(notice -> notice.event().getTargetId().equals("openai-x"))
                .as("reminded a repeat-interval after it was sent").singleElement()
                .satisfies(reminder -> assertThat(reminder.notification()).isEqualTo(1));
    }

    @Test
    void anAlertThatResolvesWithinTheWindowIsNeverSent() {
        engine.pass(Duration.ofMinutes(40));
        engine.read(probe("openai-x", Outcome.TIMEOUT, 2, 0));

        assertThat(engine.read(probe("openai-x", Outcome.SUCCESS, 0, 1))).singleElement().satisfies(resolved -> {
            assertThat(resolved.event().getStatus()).isEqualTo(AlertStatus.RESOLVED);
            assertThat(resolved.heldBy()).isEqualTo("maintenance");
            assertThat(resolved.receivers()).isEmpty();
        });
        assertThat(engine.pass(Duration.ofHours(2))).isEmpty();
    }

    @Test
    void anAlertSentBeforeTheWindowIsNotRemindedInItButItsResolvedIsSent() {
        assertThat(engine.read(probe("openai-x", Outcome.TIMEOUT, 2, 0))).singleElement()
                .satisfies(sent -> assertThat(sent.receivers()).containsExactly("ops"));
        assertThat(engine.pass(Duration.ofMinutes(20))).extracting(Notice::notification).containsExactly(1);

        assertThat(engine.pass(Duration.ofMinutes(50))).as("10:20 to 11:10, in the window from 10:30").isEmpty();

        assertThat(engine.read(probe("openai-x", Outcome.SUCCESS, 0, 1))).singleElement().satisfies(resolved -> {
            assertThat(resolved.event().getStatus()).isEqualTo(AlertStatus.RESOLVED);
            assertThat(resolved.heldBy()).isNull();
            assertThat(resolved.receivers()).containsExactly("ops");
        });
    }

    @Test
    void anAlertSentBeforeTheWindowIsRemindedWhenItCloses() {
        engine.read(probe("openai-x", Outcome.TIMEOUT, 2, 0));
        engine.pass(Duration.ofMinutes(20));

        assertThat(engine.pass(Duration.ofMinutes(70).minusSeconds(1))).isEmpty();
        assertThat(engine.pass(Duration.ofSeconds(1))).singleElement().satisfies(reminder -> {
            assertThat(reminder.kind()).isEqualTo(NoticeKind.REMINDER);
            assertThat(reminder.notification()).isEqualTo(2);
            assertThat(reminder.event().getEmittedAt()).isEqualTo(WINDOW_CLOSES);
        });
    }
}
