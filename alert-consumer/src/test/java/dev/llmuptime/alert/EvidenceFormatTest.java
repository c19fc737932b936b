package dev.llmuptime.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmuptime.schema.Outcome;
import dev.llmuptime.schema.ProbeEvidence;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The one-line form of a failed probe stays short and on one line, whatever the provider said. */
class EvidenceFormatTest {

    @Test
    void aLongMessageOnSeveralLinesIsCutToOneShortLine() {
        ProbeEvidence probe = ProbeEvidence.newBuilder().setProbeId("p1")
                .setStartedAt(Instant.parse("2026-11-26T10:00:00Z")).setRegion("eu").setOutcome(Outcome.SERVER_ERROR)
                .setHttpStatus(500).setRequestId("req_1").setMessage("upstream\n  failed: " + "x".repeat(200)).build();

        String line = EvidenceFormat.line(probe);

        assertThat(line).startsWith("2026-11-26T10:00:00Z eu SERVER_ERROR 500 request req_1: upstream failed: xxx")
                .doesNotContain("\n").endsWith("…");
        assertThat(line.length() - line.indexOf(": ") - 2).isEqualTo(80);
    }

    @Test
    void aProbeWithoutDetailsIsItsTimeRegionAndOutcome() {
        ProbeEvidence probe = ProbeEvidence.newBuilder().setProbeId("p2")
                .setStartedAt(Instant.parse("2026-11-26T10:00:05Z")).setRegion("us").setOutcome(Outcome.TIMEOUT)
                .setMessage("  ").build();

        assertThat(EvidenceFormat.line(probe)).isEqualTo("2026-11-26T10:00:05Z us TIMEOUT");
    }
}
