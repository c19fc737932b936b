package dev.llmuptime.alert;

import static dev.llmuptime.alert.IncidentFixtures.failure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llmuptime.schema.AlertEvent;
import dev.llmuptime.schema.Outcome;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/** Each record of the alerts topic becomes the timeline step its headers name; an alert id tells its start. */
class TimelineEntryTest {

    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");
    private static final AlertEvent FIRING = IncidentFixtures.firing(T0,
            failure(T0.minusSeconds(5), "eu-west", Outcome.SERVER_ERROR, 503, "server_error", "req_1").build());
    private static final AlertEvent RESOLVED = IncidentFixtures.resolved(T0, T0.plusSeconds(600));

    @Test
    void eachNoticeKindIsItsStep() {
        assertThat(step(new Notice(FIRING, NoticeKind.TRANSITION, 0, 0, List.of("ops"), null)))
                .isEqualTo(new TimelineEntry(T0, TimelineEntry.Kind.FIRED, FIRING.getSummary(), List.of("ops"), null, null));
        assertThat(step(Notice.held(FIRING, NoticeKind.TRANSITION, 0, "silence:s-1")))
                .isEqualTo(new TimelineEntry(T0, TimelineEntry.Kind.SILENCED,
                        "fired, held back by silence:s-1: sent to nobody", List.of(), null, null));
        assertThat(step(new Notice(FIRING, NoticeKind.REMINDER, 2, 0, List.of("ops"), null)).detail())
                .isEqualTo("reminder 2");
        assertThat(step(new Notice(FIRING, NoticeKind.ESCALATION, 0, 1, List.of("manager"), null)))
                .isEqualTo(new TimelineEntry(T0, TimelineEntry.Kind.ESCALATED, "escalation step 1", List.of("manager"),
                        null, null));
        assertThat(step(new Notice(FIRING, NoticeKind.RELEASE, 0, 0, List.of("ops"), null)).kind())
                .isEqualTo(TimelineEntry.Kind.RELEASED);
        assertThat(step(Notice.acknowledged(FIRING, 0, new Acknowledgement(FIRING.getAlertId(), FIRING.getTargetId(),
                "alice", "on it", T0)))).isEqualTo(new TimelineEntry(T0, TimelineEntry.Kind.ACKNOWLEDGED, "by alice",
                        List.of(), "alice", "on it"));
        assertThat(step(new Notice(RESOLVED, NoticeKind.TRANSITION, 0, 0, List.of("ops"), null)))
                .isEqualTo(new TimelineEntry(T0, TimelineEntry.Kind.RESOLVED, RESOLVED.getSummary(), List.of("ops"),
                        null, null));
    }

    @Test
    void aRecordOfAnOlderReleaseIsATransitionAndANewerKindIsLeftOut() {
        Optional<TimelineEntry> older = TimelineEntry.of(AlertHistory.Entry.of(T0, RESOLVED, new RecordHeaders()));
        RecordHeaders newer = new RecordHeaders();
        newer.add(NoticeHeaders.KIND, "paged-by-carrier-pigeon".getBytes());

        assertThat(older).map(TimelineEntry::kind).contains(TimelineEntry.Kind.RESOLVED);
        assertThat(TimelineEntry.of(AlertHistory.Entry.of(T0, FIRING, newer))).isEmpty();
    }

    @Test
    void anAlertIdEndsWithItsEpisodesStart() {
        assertThat(Incidents.startOf("down:openai-x:1764410400000")).contains(Instant.parse("2025-11-29T10:00:00Z"));
        assertThat(Incidents.startOf("down-region:openai-x:eu-west:1764410400000"))
                .contains(Instant.ofEpochMilli(1764410400000L));
        assertThat(Incidents.startOf("nope")).isEmpty();
        assertThat(Incidents.startOf("down:openai-x:")).isEmpty();
        assertThat(Incidents.startOf("down:x:99999999999999999999")).isEmpty();
    }

    private static TimelineEntry step(Notice notice) {
        return TimelineEntry.of(IncidentFixtures.entry(notice, T0)).orElseThrow();
    }
}
