package dev.llmuptime.alert;

import static dev.llmuptime.alert.StatsFixtures.probe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llmuptime.config.AlertMatch;
import dev.llmuptime.schema.AlertStatus;
import dev.llmuptime.schema.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Silences, decided in virtual time: what one covers is written but not sent, what still fires when
 * it ends is sent then, and a silence that ended or has not begun holds nothing. T0 is 10:00 UTC.
 */
class SilenceTest {

    private static final String CONFIG = HoldingConfig.withWindow("maint-*",
            "{start: \"09:00\", duration: 2h, timezone: UTC}");
    private static final Instant T0 = StatsFixtures.T0;

    private final SilenceBook silences = new SilenceBook();
    private final NotifyingEngine engine = new NotifyingEngine(CONFIG, T0, alertId -> Optional.empty(), silences);

    @Test
    void aSilencedFiringIsRecordedHeldAndSentWhenTheSilenceEnds() {
        silences.put("s1", silence("s1", "openai-*", T0.minusSeconds(60), T0.plus(Duration.ofMinutes(30))));

        List<Notice> fired = engine.read(probe("openai-x", Outcome.TIMEOUT, 2, 0));
        assertThat(fired).singleElement().satisfies(held -> {
            assertThat(held.event().getStatus()).isEqualTo(AlertStatus.FIRING);
            assertThat(held.heldBy()).isEqualTo("silence:s1");
            assertThat(held.receivers()).isEmpty();
        });
        assertThat(engine.read(probe("vllm-x", Outcome.TIMEOUT, 2, 0))).as("a target the silence does not match")
                .singleElement().satisfies(sent -> assertThat(sent.receivers()).containsExactly("ops"));
        assertThat(engine.pass(Duration.ofMinutes(30).minusSeconds(1))).as("only the other target's reminder")
                .allMatch(notice -> notice.event().getTargetId().equals("vllm-x"));

        assertThat(engine.pass(Duration.ofSeconds(1))).singleElement().satisfies(release -> {
            assertThat(release.kind()).isEqualTo(NoticeKind.RELEASE);
            assertThat(release.event().getAlertId()).isEqualTo(fired.get(0).event().getAlertId());
            assertThat(release.event().getEmittedAt()).isEqualTo(T0.plus(Duration.ofMinutes(30)));
            assertThat(release.receivers()).containsExactly("ops");
        });
    }

    @Test
    void anExpiredSilenceAndOneNotBegunHoldNothing() {
        silences.put("old", silence("old", "*", T0.minus(Duration.ofHours(2)), T0.minus(Duration.ofHours(1))));
        silences.put("later", silence("later", "*", T0.plus(Duration.ofHours(1)), T0.plus(Duration.ofHours(2))));

        assertThat(engine.read(probe("openai-x", Outcome.TIMEOUT, 2, 0))).singleElement().satisfies(sent -> {
            assertThat(sent.heldBy()).isNull();
            assertThat(sent.receivers()).containsExactly("ops");
        });
    }

    @Test
    void aSilenceDeletedEarlyReleasesWhatItHeldAtOnce() {
        Silence silence = silence("s1", "openai-*", T0, T0.plus(Duration.ofHours(4)));
        silences.put("s1", silence);
        engine.read(probe("openai-x", Outcome.TIMEOUT, 2, 0));
        assertThat(engine.pass(Duration.ofMinutes(10))).isEmpty();

        silences.put("s1", silence.endedAt(engine.now()));

        assertThat(engine.pass(Duration.ofSeconds(1))).extracting(Notice::kind).containsExactly(NoticeKind.RELEASE);
    }

    @Test
    void anAlertSentBeforeASilenceIsNotRemindedDuringItButItsResolvedIsSent() {
        engine.read(probe("openai-x", Outcome.TIMEOUT, 2, 0));
        silences.put("s1", silence("s1", "openai-*", T0.plus(Duration.ofMinutes(5)), T0.plus(Duration.ofHours(1))));

        assertThat(engine.pass(Duration.ofMinutes(50))).isEmpty();
        assertThat(engine.read(probe("openai-x", Outcome.SUCCESS, 0, 1))).singleElement().satisfies(resolved -> {
            assertThat(resolved.event().getStatus()).isEqualTo(AlertStatus.RESOLVED);
            assertThat(resolved.receivers()).containsExactly("ops");
        });
    }

    @Test
    void aMaintenanceWindowNamesTheHoldBeforeASilence() {
        silences.put("s1", silence("s1", "*", T0, T0.plus(Duration.ofHours(4))));

        assertThat(engine.read(probe("maint-x", Outcome.TIMEOUT, 2, 0))).extracting(Notice::heldBy)
                .containsExactly("maintenance");
        engine.notifier().drainChanged();

        assertThat(engine.pass(Duration.ofMinutes(60))).as("still held once the window closes at 11:00").isEmpty();
        assertThat(engine.notifier().drainChanged()).singleElement()
                .satisfies(change -> assertThat(change.episode().heldBy()).isEqualTo("silence:s1"));
    }

    @Test
    void theEarliestOfTwoSilencesNamesTheHold() {
        silences.put("b", silence("b", "*", T0.minusSeconds(30), T0.plus(Duration.ofHours(1))));
        silences.put("a", silence("a", "openai-*", T0.minusSeconds(60), T0.plus(Duration.ofHours(1))));

        assertThat(silences.heldBy(new AlertLabels("down", "critical", "openai-x", "m", "openai", "*"),
                T0.toEpochMilli())).contains("silence:a");
        assertThat(silences.heldBy(new AlertLabels("down", "critical", "vllm-x", "m", "vllm", "*"),
                T0.toEpochMilli())).contains("silence:b");
    }

    static Silence silence(String id, String target, Instant startsAt, Instant endsAt) {
        return new Silence(id, new AlertMatch(null, null, target, null, null, null), startsAt, endsAt, "maintenance",
                "alice");
    }
}
