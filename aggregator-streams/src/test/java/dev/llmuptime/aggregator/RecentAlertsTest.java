package dev.llmuptime.aggregator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmuptime.schema.AlertEvent;
import dev.llmuptime.schema.AlertStatus;
import dev.llmuptime.schema.Outcome;
import dev.llmuptime.schema.ProbeEvidence;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The alerts as a table by alertId: the latest word of each episode, for the last seven days and
 * while firing; its state, timeline and evidence, as the records and their headers tell them.
 */
class RecentAlertsTest {

    private static final Instant NOW = Instant.parse("2026-11-29T15:30:00Z");
    static final AlertNotice SENT = notice(AlertNotice.TRANSITION, 0, 0);

    @Test
    void keepsTheLatestTransitionOfEachEpisodeLatestStartedFirst() {
        RecentAlerts table = new RecentAlerts();
        Instant start = NOW.minus(Duration.ofHours(2));
        apply(table, alert("a-1", AlertStatus.FIRING, "a", start, null), SENT);
        apply(table, alert("b-1", AlertStatus.FIRING, "b", start.plusSeconds(60), null), SENT);
        apply(table, alert("a-1", AlertStatus.RESOLVED, "a", start, start.plusSeconds(600)), SENT);
        // A reminder read after the RESOLVED does not reopen the episode.
        apply(table, alert("a-1", AlertStatus.FIRING, "a", start, null), notice(AlertNotice.REMINDER, 1, 0));

        assertThat(table.recent(NOW)).extracting(AlertEvent::getAlertId).containsExactly("b-1", "a-1");
        assertThat(table.recent(NOW)).extracting(AlertEvent::getStatus)
                .containsExactly(AlertStatus.FIRING, AlertStatus.RESOLVED);
        assertThat(table.incident("a-1").orElseThrow().steps()).extracting(IncidentStep::kind)
                .containsExactly(IncidentStep.Kind.FIRED, IncidentStep.Kind.RESOLVED);
    }

    @Test
    void episodesEndedBeforeTheHorizonGoButOldOnesStillFiringStay() {
        RecentAlerts table = new RecentAlerts();
        Instant longAgo = NOW.minus(Duration.ofDays(20));
        apply(table, alert("old-1", AlertStatus.FIRING, "a", longAgo, null), SENT);
        apply(table, alert("old-1", AlertStatus.RESOLVED, "a", longAgo, longAgo.plusSeconds(60)), SENT);
        apply(table, alert("stuck-1", AlertStatus.FIRING, "b", longAgo, null), SENT);
        apply(table, alert("recent-1", AlertStatus.RESOLVED, "c", NOW.minus(Duration.ofDays(6)),
                NOW.minus(Duration.ofDays(6)).plusSeconds(60)), SENT);

        assertThat(table.recent(NOW)).extracting(AlertEvent::getAlertId).containsExactly("recent-1", "stuck-1");
        assertThat(table.recent(NOW.plus(Duration.ofDays(2)))).extracting(AlertEvent::getAlertId)
                .containsExactly("stuck-1");
        assertThat(table.incident("old-1")).isEmpty();
    }

    @Test
    void panelShowsEachActiveAlertsStateThenWhatResolvedWithinADay() {
        RecentAlerts table = new RecentAlerts();
        Instant start = NOW.minus(Duration.ofHours(1));
        apply(table, alert("firing-1", AlertStatus.FIRING, "a", start, null), SENT);
        AlertEvent acked = alert("acked-1", AlertStatus.FIRING, "b", start.plusSeconds(10), null);
        apply(table, acked, SENT);
        apply(table, acked, acknowledgement("alice", "on it"));
        apply(table, alert("silenced-1", AlertStatus.FIRING, "c", start.plusSeconds(20), null),
                held("silence:3f2a"));
        apply(table, alert("maint-1", AlertStatus.FIRING, "d", start.plusSeconds(30), null), held("maintenance"));
        AlertEvent released = alert("released-1", AlertStatus.FIRING, "e", start.plusSeconds(40), null);
        apply(table, released, held("silence:3f2a"));
        apply(table, released, notice(AlertNotice.RELEASE, 0, 0));
        Instant yesterday = NOW.minus(Duration.ofHours(20));
        apply(table, alert("resolved-1", AlertStatus.RESOLVED, "f", yesterday, yesterday.plusSeconds(300)), SENT);
        Instant daysAgo = NOW.minus(Duration.ofDays(3));
        apply(table, alert("old-1", AlertStatus.RESOLVED, "g", daysAgo, daysAgo.plusSeconds(300)), SENT);

        List<Incident> panel = table.panel(NOW);
        assertThat(panel).extracting(incident -> incident.event().getAlertId())
                .containsExactly("released-1", "maint-1", "silenced-1", "acked-1", "firing-1", "resolved-1");
        assertThat(panel).extracting(incident -> incident.state().label())
                .containsExactly("firing", "held", "silenced", "acknowledged", "firing", "resolved");
        assertThat(panel.get(2).heldBy()).isEqualTo("silence:3f2a");
        assertThat(panel.get(3).acknowledgedBy()).isEqualTo("alice");
        assertThat(table.recent(NOW)).extracting(AlertEvent::getAlertId).contains("old-1");
    }

    @Test
    void incidentKeepsItsTimelineOnceAndTheEvidenceOfEveryFiring() {
        RecentAlerts table = new RecentAlerts();
        Instant start = NOW.minus(Duration.ofHours(3));
        AlertEvent fired = alert("down-1", AlertStatus.FIRING, "a", start, null);
        fired.setEvidence(List.of(evidence("p2", start.minusSeconds(10)), evidence("p1", start.minusSeconds(40))));
        AlertEvent reminded = alert("down-1", AlertStatus.FIRING, "a", start, null);
        reminded.setEvidence(List.of(evidence("p2", start.minusSeconds(10)), evidence("p3", start.plusSeconds(30))));
        apply(table, fired, SENT, start);
        // Delivery is at least once: the same record twice is one step.
        apply(table, fired, SENT, start);
        apply(table, reminded, notice(AlertNotice.REMINDER, 1, 0), start.plusSeconds(1800));
        apply(table, fired, notice(AlertNotice.ESCALATION, 0, 1), start.plusSeconds(2700));
        apply(table, fired, acknowledgement("bob", "provider ticket 4711"), start.plusSeconds(3000));
        apply(table, alert("down-1", AlertStatus.RESOLVED, "a", start, start.plusSeconds(3600)), SENT,
                start.plusSeconds(3600));

        Incident incident = table.incident("down-1").orElseThrow();
        assertThat(incident.steps()).extracting(IncidentStep::kind).containsExactly(IncidentStep.Kind.FIRED,
                IncidentStep.Kind.REMINDED, IncidentStep.Kind.ESCALATED, IncidentStep.Kind.ACKNOWLEDGED,
                IncidentStep.Kind.RESOLVED);
        assertThat(incident.steps()).extracting(IncidentStep::detail).containsExactly("down on a", "reminder 1",
                "escalation step 1", "by bob: provider ticket 4711", "resolved: down on a");
        assertThat(incident.steps().get(1).at()).isEqualTo(start.plusSeconds(1800));
        assertThat(incident.evidence()).extracting(ProbeEvidence::getProbeId).containsExactly("p1", "p2", "p3");
        assertThat(incident.state()).isEqualTo(Incident.State.RESOLVED);
        assertThat(incident.endedAt()).isEqualTo(start.plusSeconds(3600));
        assertThat(incident.comment()).isEqualTo("provider ticket 4711");
    }

    @Test
    void heldFiringIsTwoStepsNamingWhatHoldsIt() {
        RecentAlerts table = new RecentAlerts();
        Instant start = NOW.minus(Duration.ofMinutes(10));
        apply(table, alert("inhibited-1", AlertStatus.FIRING, "a", start, null), held("inhibited:provider-down:openai"));
        apply(table, alert("inhibited-1", AlertStatus.RESOLVED, "a", start, start.plusSeconds(60)),
                held("inhibited:provider-down:openai"));

        assertThat(table.incident("inhibited-1").orElseThrow().steps()).extracting(IncidentStep::detail)
                .containsExactly("down on a", "inhibited by provider-down:openai",
                        "resolved: down on a (not sent: inhibited by provider-down:openai)");
    }

    private static void apply(RecentAlerts table, AlertEvent event, AlertNotice notice) {
        apply(table, event, notice, event.getEmittedAt());
    }

    private static void apply(RecentAlerts table, AlertEvent event, AlertNotice notice, Instant at) {
        table.apply(event, notice, at, NOW);
    }

    static AlertNotice notice(String kind, int notification, int escalation) {
        return new AlertNotice(kind, notification, escalation, null, null, null);
    }

    static AlertNotice held(String reason) {
        return new AlertNotice(AlertNotice.TRANSITION, 0, 0, reason, null, null);
    }

    static AlertNotice acknowledgement(String by, String comment) {
        return new AlertNotice(AlertNotice.ACKNOWLEDGED, 0, 0, null, by, comment);
    }

    static ProbeEvidence evidence(String probeId, Instant startedAt) {
        return ProbeEvidence.newBuilder().setProbeId(probeId).setStartedAt(startedAt).setRegion("eu")
                .setOutcome(Outcome.SERVER_ERROR).setHttpStatus(503).setErrorCode("overloaded")
                .setRequestId("req-" + probeId).setMessage("HTTP 503").build();
    }

    static AlertEvent alert(String alertId, AlertStatus status, String target, Instant startsAt, Instant endsAt) {
        return AlertEvent.newBuilder().setAlertId(alertId).setRule("down").setSeverity("critical").setStatus(status)
                .setTargetId(target).setProvider("openai").setModel("model-" + target)
                .setMetric("consecutive-failures").setValue(3.0).setThreshold(2.0).setStartsAt(startsAt)
                .setEndsAt(endsAt).setSummary((status == AlertStatus.FIRING ? "" : "resolved: ") + "down on " + target)
                .setEmittedAt(endsAt == null ? startsAt : endsAt).build();
    }
}
