package dev.llmuptime.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmuptime.schema.Outcome;
import dev.llmuptime.schema.ProbeLatency;
import dev.llmuptime.schema.WindowStats;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RecentLatenciesTest {

    private static final Instant NEWEST = StatsFixtures.T0.plusSeconds(600);

    @Test
    void readsTheProbesOfTheLastWindowLengthOnlyItsOpenEndLeftOut() {
        // Probes every 5 s up to NEWEST: the one exactly a minute before it is not in the minute.
        WindowStats stats = withLatencies(IntStream.rangeClosed(0, 14).mapToObj(index ->
                probe(NEWEST.minusSeconds(5L * (14 - index)), index < 3 ? 9000 : 500)).toList());

        assertThat(RecentLatencies.covers(stats)).isTrue();
        assertThat(RecentLatencies.ofLastWindow(stats).getMax()).isEqualTo(500);
    }

    @Test
    void theP95OfTwelveProbesIsTheirSecondSlowest() {
        List<ProbeLatency> probes = IntStream.rangeClosed(0, 11).mapToObj(index ->
                probe(NEWEST.minusSeconds(5L * (11 - index)), index == 0 ? 9000 : index == 1 ? 4000 : 500)).toList();
        List<ProbeLatency> withOneBefore = new ArrayList<>(List.of(probe(NEWEST.minusSeconds(60), 500)));
        withOneBefore.addAll(probes);
        WindowStats stats = withLatencies(withOneBefore);

        assertThat(RecentLatencies.ofLastWindow(stats).getP95()).isBetween(3960.0, 4040.0);
        assertThat(RecentLatencies.ofLastWindow(stats).getMax()).isEqualTo(9000);
    }

    @Test
    void latenciesThatDoNotReachBackAWholeWindowOrAreMissingDoNotCover() {
        assertThat(RecentLatencies.covers(withLatencies(List.of(probe(NEWEST.minusSeconds(59), 500), probe(NEWEST, 500)))))
                .isFalse();
        assertThat(RecentLatencies.covers(withLatencies(List.of()))).isFalse();
        assertThat(RecentLatencies.covers(withLatencies(null))).isFalse();
    }

    @Test
    void noAnswerInTheLastWindowLengthHasNoLatency() {
        WindowStats stats = withLatencies(List.of(probe(NEWEST.minusSeconds(120), 500)));

        assertThat(RecentLatencies.covers(stats)).isTrue();
        assertThat(RecentLatencies.ofLastWindow(stats)).isNull();
    }

    private static WindowStats withLatencies(List<ProbeLatency> latencies) {
        WindowStats stats = StatsFixtures.stats("a", Duration.ofMinutes(1), 12, 1.0, 500.0, Outcome.SUCCESS, 0, 12);
        stats.setLastProbeAt(NEWEST);
        stats.setRecentLatencies(latencies);
        return stats;
    }

    private static ProbeLatency probe(Instant startedAt, double latencyMs) {
        return new ProbeLatency(startedAt, latencyMs);
    }
}
