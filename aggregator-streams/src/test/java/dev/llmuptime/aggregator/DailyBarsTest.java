package dev.llmuptime.aggregator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmuptime.aggregator.state.WindowAccumulator;
import dev.llmuptime.schema.Outcome;
import dev.llmuptime.testkit.ProbeResults;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A bar per UTC day from hourly windows; days without countable probes have no uptime, never 100 %. */
class DailyBarsTest {

    private static final Instant NOW = Instant.parse("2026-11-29T15:30:00Z");
    private static final Duration HOUR = Duration.ofHours(1);

    @Test
    void ninetyDaysEndingTodayOldestFirstWithGapsAsNoData() {
        List<DailyBars.Day> bars = DailyBars.of(List.of(
                hourly("2026-11-29T14:00:00Z", Map.of("SUCCESS", 60L)),
                hourly("2026-11-29T15:00:00Z", Map.of("SUCCESS", 29L, "SERVER_ERROR", 1L)),
                hourly("2026-11-27T23:00:00Z", Map.of("TIMEOUT", 30L, "SLOW", 30L))), NOW, DailyBars.DAYS);

        assertThat(bars).hasSize(90);
        assertThat(bars.get(0).date()).isEqualTo(LocalDate.parse("2026-09-01"));
        DailyBars.Day today = bars.get(89);
        assertThat(today.date()).isEqualTo(LocalDate.parse("2026-11-29"));
        assertThat(today.probes()).isEqualTo(90);
        assertThat(today.uptime()).isEqualTo(89.0 / 90);
        DailyBars.Day yesterday = bars.get(88);
        assertThat(yesterday.probes()).isZero();
        assertThat(yesterday.uptime()).as("no data, not 100 %").isNull();
        assertThat(bars.get(87).uptime()).as("SLOW is up, TIMEOUT is not").isEqualTo(0.5);
        assertThat(bars.subList(0, 87)).allSatisfy(day -> assertThat(day.uptime()).isNull());
    }

    @Test
    void aDayOfOnlyMonitorSideFailuresHasProbesButNoUptime() {
        List<DailyBars.Day> bars = DailyBars.of(List.of(hourly("2026-11-29T01:00:00Z",
                Map.of("AUTH_ERROR", 10L, "CLIENT_ERROR", 2L))), NOW, 3);

        assertThat(bars).extracting(DailyBars.Day::probes).containsExactly(0L, 0L, 12L);
        assertThat(bars.get(2).uptime()).isNull();
    }

    @Test
    void windowsBeforeTheFirstDayOrInTheFutureAreLeftOut() {
        List<DailyBars.Day> bars = DailyBars.of(List.of(
                hourly("2026-08-31T23:00:00Z", Map.of("SERVER_ERROR", 5L)),
                hourly("2026-09-01T00:00:00Z", Map.of("SUCCESS", 5L)),
                hourly("2026-11-30T00:00:00Z", Map.of("SERVER_ERROR", 5L))), NOW, DailyBars.DAYS);

        assertThat(bars.get(0).uptime()).isEqualTo(1.0);
        assertThat(bars.get(0).probes()).isEqualTo(5);
        assertThat(bars.stream().mapToLong(DailyBars.Day::probes).sum()).isEqualTo(5);
    }

    @Test
    void readingStartsAtMidnightOfTheFirstDay() {
        assertThat(DailyBars.firstDayStart(NOW, 90)).isEqualTo(Instant.parse("2026-09-01T00:00:00Z"));
        assertThat(DailyBars.firstDayStart(NOW, 1)).isEqualTo(Instant.parse("2026-11-29T00:00:00Z"));
    }

    private static WindowAccumulator hourly(String start, Map<String, Long> outcomes) {
        Instant at = Instant.parse(start);
        WindowAccumulator window = Accumulators.empty(ProbeResults.of("a", at, Outcome.SUCCESS).build(),
                WindowStatsProcessor.ALL_REGIONS, HOUR.toMillis(), at.toEpochMilli());
        window.setCount(outcomes.values().stream().mapToLong(Long::longValue).sum());
        window.setOutcomeCounts(Map.copyOf(outcomes));
        return window;
    }
}
