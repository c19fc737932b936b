package dev.llmuptime.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmuptime.config.AggregationConfig;
import dev.llmuptime.config.RuleConfig;
import dev.llmuptime.schema.Outcome;
import dev.llmuptime.schema.WindowStats;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The history keeps what the rules look back on, per target and window size, and nothing more. */
class WindowHistoryTest {

    private static final long MINUTE = 60_000;

    @Test
    void keepsTheLookbackPlusAWindowOfTheSizesRulesReadPerRegion() {
        WindowHistory history = new WindowHistory(List.of(new HistoryNeed(MINUTE, 60 * MINUTE),
                new HistoryNeed(MINUTE, 30 * MINUTE)));
        for (int minute = 0; minute < 200; minute++) {
            history.offer(window("a", Duration.ofMinutes(1), minute * MINUTE, "*"));
            history.offer(window("a", Duration.ofMinutes(1), minute * MINUTE, "eu"));
            history.offer(window("a", Duration.ofMinutes(5), minute * MINUTE, "*"));
        }

        assertThat(history.of("a", "*", MINUTE)).as("starts from 61 minutes before the newest on").hasSize(62);
        assertThat(history.of("a", "*", MINUTE).firstKey()).isEqualTo(StatsFixtures.T0.toEpochMilli() + 138 * MINUTE);
        assertThat(history.of("a", "*", 5 * MINUTE)).as("no rule reads 5-minute windows").isEmpty();
        assertThat(history.of("a", "eu", MINUTE)).as("a region's windows apart from all regions'").hasSize(62);
        assertThat(history.lookback()).isEqualTo(61 * MINUTE);
    }

    @Test
    void aBaselineKeepsItsPeriodOfBlocksAndFourLargerWindowsOfEachSmallerSize() {
        Clause slow = ConditionParser.parse("r", "latency.p95 > 3x baseline", new ClauseContext(Duration.ofMinutes(1),
                RuleConfig.DEFAULT_OBJECTIVE, RuleConfig.DEFAULT_BASELINE, AggregationConfig.DEFAULT.windows()));
        WindowHistory history = new WindowHistory(slow.historyNeeds());
        for (int minute = 0; minute < 10 * 60; minute++) {
            history.offer(window("a", Duration.ofMinutes(1), minute * MINUTE, "*"));
            history.offer(window("a", Duration.ofMinutes(5), minute / 5 * 5 * MINUTE, "*"));
            history.offer(window("a", Duration.ofHours(1), minute / 60 * 60 * MINUTE, "*"));
        }

        assertThat(history.of("a", "*", 60 * MINUTE)).as("6 h 1 min and the hour before").hasSize(8);
        assertThat(history.of("a", "*", 5 * MINUTE)).as("4 h 1 min and the window before").hasSize(50);
        assertThat(history.of("a", "*", MINUTE)).as("21 minutes and the minute before").hasSize(23);
    }

    @Test
    void aLateUpdateReplacesItsWindowAndTheForgottenTargetsGo() {
        WindowHistory history = new WindowHistory(List.of(new HistoryNeed(MINUTE, 10 * MINUTE)));
        history.offer(window("a", Duration.ofMinutes(1), 0, "*"));
        history.offer(window("b", Duration.ofMinutes(1), 0, "*"));
        WindowStats finalOfA = window("a", Duration.ofMinutes(1), 0, "*");
        finalOfA.setCount(12);
        history.offer(finalOfA);

        assertThat(history.of("a", "*", MINUTE).values()).extracting(PastWindow::count).containsExactly(12L);
        history.forget("a"::equals);
        assertThat(history.of("a", "*", MINUTE)).isEmpty();
        assertThat(history.of("b", "*", MINUTE)).hasSize(1);
    }

    private static WindowStats window(String target, Duration size, long offset, String region) {
        WindowStats stats = StatsFixtures.stats(target, size, 10, 1.0, 500.0, Outcome.SUCCESS, 0, 10);
        stats.setWindowStart(StatsFixtures.T0.plusMillis(offset));
        stats.setWindowEnd(StatsFixtures.T0.plusMillis(offset).plus(size));
        stats.setRegion(region);
        return stats;
    }
}
