package dev.llmuptime.bench;

import static dev.llmuptime.bench.Arrivals.alert;
import static dev.llmuptime.bench.Arrivals.firing;
import static dev.llmuptime.bench.Arrivals.resolved;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The intermittent-errors phase and the two-region case of the peers benchmark, on arrivals made up by hand. */
class PeersPhasesTest {

    /** Errors from 100 s to 400 s. */
    private final IntermittentErrors errors = new IntermittentErrors("m-flaky", 100_000, 400_000);
    /** The second region from 1000 s to 1600 s. */
    private final RegionOutage regions = new RegionOutage("m-region", "far", 1_000_000, 1_600_000);

    @Test
    void intermittentErrorsCountFiringsPerRuleDuringTheErrorsOnly() {
        List<Receiver.Arrival> arrivals = List.of(
                firing("ours-default", "m-flaky", "down", 90_000),
                firing("ours-default", "m-flaky", "down", 130_000),
                resolved("ours-default", "m-flaky", "down", 150_000),
                firing("ours-default", "m-flaky", "down", 170_000),
                firing("ours-default", "m-flaky", "availability", 250_000),
                firing("ours-default", "m-500", "down", 260_000),
                firing("ours-default", "m-flaky", "availability-slow", 410_000),
                firing("prom-aggressive", "m-flaky", "ProbeFailed", 105_000));

        assertThat(errors.firingsPerRule(arrivals, "ours-default"))
                .isEqualTo(Map.of("down", 2L, "availability", 1L));
        assertThat(errors.firingsAfter(arrivals, "ours-default")).isEqualTo(1);
        assertThat(errors.firstAlert(arrivals, "ours-default")).isEqualTo(30_000);
        assertThat(errors.firstAlert(arrivals, "prom-aggressive")).isEqualTo(5_000);
        assertThat(errors.firstAlert(arrivals, "ours-fast")).isNull();
    }

    @Test
    void aRuleHeldToTheEndWhenItsFirstFiringInTheErrorsWasNotResolvedBeforeTheyEnded() {
        List<Receiver.Arrival> arrivals = List.of(
                firing("ours-default", "m-flaky", "down", 130_000),
                resolved("ours-default", "m-flaky", "down", 150_000),
                firing("ours-default", "m-flaky", "down", 170_000),
                firing("ours-default", "m-flaky", "availability", 250_000),
                resolved("ours-default", "m-flaky", "availability", 420_000),
                firing("ours-fast", "m-flaky", "down", 120_000),
                resolved("ours-fast", "m-flaky", "down", 399_000));

        assertThat(errors.heldToEnd(arrivals, "ours-default")).containsExactly("availability");
        assertThat(errors.heldToEnd(arrivals, "ours-fast")).isEmpty();
    }

    @Test
    void intermittentErrorsSettleOnceEveryRuleThatFiredSinceTheStartHasResolved() {
        List<Receiver.Arrival> arrivals = new ArrayList<>(List.of(
                firing("ours-default", "m-flaky", "down", 130_000),
                firing("prom-default", "m-flaky", "ProbeFailed", 200_000),
                resolved("prom-default", "m-flaky", "ProbeFailed", 500_000),
                firing("ours-fast", "m-noisy", "down", 450_000)));

        assertThat(errors.settled(arrivals)).isFalse();
        arrivals.add(resolved("ours-default", "m-flaky", "down", 600_000));
        assertThat(errors.settled(arrivals)).as("another model's alert does not count").isTrue();
    }

    @Test
    void regionOutageCountsCriticalAlertsAndWarningsThatNameTheFailingRegion() {
        List<Receiver.Arrival> arrivals = List.of(
                alert("ours-default", "m-region", "down", "critical", 900_000, "down on m-region"),
                alert("ours-default", "m-region", "down-region", "warning", 1_012_000,
                        "down-region on m-region (m-region): consecutive-failures = 2 (consecutive-failures >= 2); "
                                + "in region far, 1 of 2 regions failing (far)"),
                alert("ours-default", "m-region", "availability-region", "warning", 1_500_000,
                        "availability-region on m-region (m-region): in region bench, 1 of 2 regions failing (bench)"),
                alert("ours-fast", "m-region", "down", "critical", 1_700_000, "down on m-region; 2 of 2 regions"),
                alert("ours-fast", "m-500", "down", "critical", 1_100_000, "down on m-500"));

        assertThat(regions.criticalAlerts(arrivals, "ours-default")).as("before the second region started").isEmpty();
        assertThat(regions.criticalAlerts(arrivals, "ours-fast")).as("after its end too").containsExactly("down");
        assertThat(regions.regionWarnings(arrivals, "ours-default")).containsExactly("down-region");
        assertThat(regions.firstWarning(arrivals, "ours-default")).isEqualTo(12_000);
        assertThat(regions.firstWarning(arrivals, "ours-fast")).isNull();
        assertThat(regions.otherAlerts(arrivals, "ours-default")).as("a warning naming another region")
                .containsExactly("availability-region");
        assertThat(regions.describe(arrivals)).contains("ours-default: critical [], region warnings [down-region], "
                + "first after 12.0 s, other alerts [availability-region]",
                "prom-default, prom-aggressive: not measured");
    }

    @Test
    void regionOutageSettlesOnceEveryRegionWarningHasResolved() {
        List<Receiver.Arrival> arrivals = new ArrayList<>(List.of(
                alert("ours-default", "m-region", "down-region", "warning", 1_012_000, "in region far"),
                new Receiver.Arrival("ours-default", "m-region", "down-region", false, 1_400_000, null, "warning",
                        "in region far")));
        arrivals.add(alert("ours-fast", "m-region", "down-region", "warning", 1_010_000, "in region far"));

        assertThat(regions.settled(arrivals)).isFalse();
        arrivals.add(new Receiver.Arrival("ours-fast", "m-region", "down-region", false, 1_720_000, null, "warning",
                "region far no longer reports"));
        assertThat(regions.settled(arrivals)).isTrue();
    }

    @Test
    void theAimsTableGivesTheDefaultRulesFiguresNextToTheAims() {
        Trial trial = new Trial(1, 2_000_000, 2_020_000);
        List<Receiver.Arrival> arrivals = List.of(
                firing("ours-default", "m-noisy", "availability", 30_000),
                firing("ours-default", "m-flaky", "down", 130_000),
                firing("ours-default", "m-500", "down", 2_007_000),
                resolved("ours-default", "m-500", "down", 2_028_000),
                firing("ours-default", "m-slow-1", "slow", 2_021_000),
                resolved("ours-default", "m-slow-1", "slow", 2_070_000));

        String table = Report.aims(List.of(trial), arrivals, 0, 60_000, errors, regions);

        assertThat(table).contains(
                "| m-500: detection, median (min-max) | median <= 8 s | 7.0 s (7.0-7.0) |",
                "| m-500: resolve, median (min-max) | median <= 8 s | 8.0 s (8.0-8.0) |",
                "| m-429: detection, median (min-max) | median <= 8 s | never |",
                "| +3 s: detection, median (min-max) | median <= 30 s | 21.0 s (21.0-21.0), detected 1/1 |",
                "| +3 s: resolve, median (min-max) | all <= 60 s | 50.0 s (50.0-50.0) |",
                "| false alarms, healthy run with 2 % errors | 0 | 1 |",
                "| 30 % errors: FIRINGs per rule | <= 1 each | {down=1} |",
                "| 30 % errors: first alert | <= 180 s | 30.0 s |",
                "| 30 % errors: firing until they end | at least one rule | [down] |",
                "| one of two regions failing: critical alerts | none | [] |");
    }
}
