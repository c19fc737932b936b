package dev.llmuptime.aggregator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmuptime.schema.AlertEvent;
import dev.llmuptime.schema.AlertStatus;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The alerts as a table by alertId: the latest word of each episode, for the last seven days and while firing. */
class RecentAlertsTest {

    private static final Instant NOW = Instant.parse("2026-11-29T15:30:00Z");

    @Test
    void keepsTheLatestTransitionOfEachEpisodeLatestStartedFirst() {
        RecentAlerts table = new RecentAlerts();
        Instant start = NOW.minus(Duration.ofHours(2));
        table.apply(alert("a-1", AlertStatus.FIRING, "a", start, null), NOW);
        table.apply(alert("b-1", AlertStatus.FIRING, "b", start.plusSeconds(60), null), NOW);
        table.apply(alert("a-1", AlertStatus.RESOLVED, "a", start, start.plusSeconds(600)), NOW);
        // A reminder read after the RESOLVED does not reopen the episode.
        table.apply(alert("a-1", AlertStatus.FIRING, "a", start, null), NOW);

        assertThat(table.recent(NOW)).extracting(AlertEvent::getAlertId).containsExactly("b-1", "a-1");
        assertThat(table.recent(NOW)).extracting(AlertEvent::getStatus)
                .containsExactly(AlertStatus.FIRING, AlertStatus.RESOLVED);
    }

    @Test
    void episodesEndedBeforeTheHorizonGoButOldOnesStillFiringStay() {
        RecentAlerts table = new RecentAlerts();
        Instant longAgo = NOW.minus(Duration.ofDays(20));
        table.apply(alert("old-1", AlertStatus.FIRING, "a", longAgo, null), NOW);
        table.apply(alert("old-1", AlertStatus.RESOLVED, "a", longAgo, longAgo.plusSeconds(60)), NOW);
        table.apply(alert("stuck-1", AlertStatus.FIRING, "b", longAgo, null), NOW);
        table.apply(alert("recent-1", AlertStatus.RESOLVED, "c", NOW.minus(Duration.ofDays(6)),
                NOW.minus(Duration.ofDays(6)).plusSeconds(60)), NOW);

        assertThat(table.recent(NOW)).extracting(AlertEvent::getAlertId).containsExactly("recent-1", "stuck-1");
        assertThat(table.recent(NOW.plus(Duration.ofDays(2)))).extracting(AlertEvent::getAlertId)
                .containsExactly("stuck-1");
    }

    static AlertEvent alert(String alertId, AlertStatus status, String target, Instant startsAt, Instant endsAt) {
        return AlertEvent.newBuilder().setAlertId(alertId).setRule("down").setSeverity("critical").setStatus(status)
                .setTargetId(target).setProvider("openai").setModel("model-" + target)
                .setMetric("consecutive-failures").setValue(3.0).setThreshold(2.0).setStartsAt(startsAt)
                .setEndsAt(endsAt).setSummary((status == AlertStatus.FIRING ? "" : "resolved: ") + "down on " + target)
                .setEmittedAt(endsAt == null ? startsAt : endsAt).build();
    }
}
