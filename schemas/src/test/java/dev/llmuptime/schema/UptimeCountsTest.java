package dev.llmuptime.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code uptime = up / (count - AUTH_ERROR - CLIENT_ERROR)}, over windows, merges and weights. */
class UptimeCountsTest {

    @Test
    void monitorSideFailuresLeaveTheDenominator() {
        UptimeCounts counts = UptimeCounts.of(10, Map.of("SUCCESS", 5L, "SLOW", 1L, "TIMEOUT", 2L,
                "AUTH_ERROR", 1L, "CLIENT_ERROR", 1L));

        assertThat(counts).isEqualTo(new UptimeCounts(6, 8));
        assertThat(counts.uptime()).isEqualTo(0.75);
    }

    @Test
    void noCountableProbeMeansNoUptime() {
        assertThat(UptimeCounts.of(0, Map.of()).uptime()).isNull();
        assertThat(UptimeCounts.of(3, Map.of("AUTH_ERROR", 3L)).uptime()).isNull();
    }

    @Test
    void unknownOutcomeNamesCountOnlyInTheTotal() {
        assertThat(UptimeCounts.of(4, Map.of("SUCCESS", 3L, "SOMETHING_NEW", 1L)).uptime()).isEqualTo(0.75);
    }

    @Test
    void mergedWindowsAddUpBeforeDividing() {
        UptimeCounts first = UptimeCounts.of(10, Map.of("SUCCESS", 10L));
        UptimeCounts second = UptimeCounts.of(30, Map.of("SUCCESS", 20L, "SERVER_ERROR", 10L));

        assertThat(first.plus(second).uptime()).isEqualTo(0.75);
    }

    @Test
    void aWeightedWindowCountsItsShare() {
        UptimeCounts current = UptimeCounts.of(10, Map.of("SUCCESS", 10L));
        UptimeCounts previous = UptimeCounts.of(100, Map.of("SUCCESS", 50L, "TIMEOUT", 50L));

        assertThat(current.plus(previous.times(0.1)).uptime()).isEqualTo(15.0 / 20);
    }

    @Test
    void publishedStatsCountAsManyUpProbesAsTheirUptimeSays() {
        WindowStats stats = SampleRecords.windowStats();
        stats.setOutcomeCounts(Map.of("SUCCESS", 9L, "TIMEOUT", 2L, "CLIENT_ERROR", 1L));
        stats.setUptime(0.5);

        UptimeCounts counts = UptimeCounts.of(stats);

        assertThat(counts.countable()).isEqualTo(11);
        assertThat(counts.up()).isCloseTo(5.5, within(1e-12));
        stats.setUptime(null);
        assertThat(UptimeCounts.of(stats).up()).isZero();
    }
}
