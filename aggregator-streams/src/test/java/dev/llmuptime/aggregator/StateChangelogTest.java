package dev.llmuptime.aggregator;

import static dev.llmuptime.aggregator.StatsTopologyTest.T0;
import static dev.llmuptime.aggregator.StatsTopologyTest.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llmuptime.aggregator.StateSerdes.StreakSerde;
import dev.llmuptime.aggregator.StateSerdes.WindowAccumulatorSerde;
import dev.llmuptime.aggregator.state.Streak;
import dev.llmuptime.aggregator.state.WindowAccumulator;
import dev.llmuptime.schema.Outcome;
import dev.llmuptime.schema.ProbeResult;
import dev.llmuptime.schema.ProbeResultSerde;
import dev.llmuptime.schema.WindowStats;
import dev.llmuptime.schema.WindowStatsSerde;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Open windows and streaks are changed in memory, but each commit (the test driver commits after
 * every record) finds them in the changelogs: what the committed input covers is what a restore reads.
 */
class StateChangelogTest {

    private static final String WINDOWS_CHANGELOG = StatsTopology.APPLICATION_ID + "-"
            + WindowStatsProcessor.LIVE_STORE + "-changelog";
    static final String STREAKS_CHANGELOG = StatsTopology.APPLICATION_ID + "-"
            + WindowStatsProcessor.STREAK_STORE + "-changelog";

    private TopologyTestDriver driver;
    private TestInputTopic<String, ProbeResult> results;
    private TestOutputTopic<String, WindowStats> stats;
    private TestOutputTopic<String, WindowAccumulator> windowsChangelog;
    private TestOutputTopic<String, Streak> streaksChangelog;
    /** The open windows as a restore from the changelog would find them; a tombstone removes one. */
    private final Map<WindowKey, WindowAccumulator> restorable = new HashMap<>();

    @BeforeEach
    void start() {
        driver = TopologyDrivers.start(TopologyDrivers.TWO_WINDOWS, new SimpleMeterRegistry(), T0);
        results = driver.createInputTopic("llm.probe.results", new StringSerializer(), new ProbeResultSerde().serializer());
        stats = driver.createOutputTopic("llm.probe.stats", new StringDeserializer(), new WindowStatsSerde().deserializer());
        windowsChangelog = driver.createOutputTopic(WINDOWS_CHANGELOG, new StringDeserializer(),
                new WindowAccumulatorSerde().deserializer());
        streaksChangelog = driver.createOutputTopic(STREAKS_CHANGELOG, new StringDeserializer(),
                new StreakSerde().deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void afterEveryCommitTheChangelogHoldsEveryOpenWindowAsProcessedSoFar() {
        for (int i = 0; i < 30; i++) {
            send(result("a", i % 3 == 0 ? "us" : "eu", T0.plusSeconds(i * 5L), i % 4 == 0 ? Outcome.TIMEOUT
                    : Outcome.SUCCESS, 100L + i, 50L));
            List<TestRecord<String, WindowAccumulator>> written = windowsChangelog.readRecordsToList();
            assertThat(written).extracting(TestRecord::key).as("each changed window once per commit").doesNotHaveDuplicates();
            written.forEach(record -> {
                if (record.value() == null) {
                    restorable.remove(WindowKey.parse(record.key()));
                } else {
                    restorable.put(WindowKey.parse(record.key()), record.value());
                }
            });
            driver.advanceWallClockTime(Duration.ofSeconds(1));
            for (WindowStats live : stats.readValuesToList()) {
                WindowAccumulator stored = restorable.get(new WindowKey(live.getTargetId(), live.getRegion(),
                        live.getWindowSize(), live.getWindowStart().toEpochMilli()));
                if (live.getFinal$()) {
                    assertThat(stored).as("a closed window leaves the changelog").isNull();
                } else {
                    assertThat(Accumulators.toStats(stored, false, live.getEmittedAt().toEpochMilli()))
                            .as("what a restore would read").isEqualTo(live);
                }
            }
        }
        assertThat(restorable.keySet()).extracting(WindowKey::windowSize).contains(60_000L, 300_000L);
    }

    @Test
    void afterEveryCommitTheStreakChangelogHoldsTheLatestProbe() {
        for (int i = 0; i < 5; i++) {
            Instant at = T0.plusSeconds(i);
            int failures = i + 1;
            send(result("a", "eu", at, Outcome.SERVER_ERROR, 100L, null));

            Map<String, Streak> written = new HashMap<>();
            streaksChangelog.readRecordsToList().forEach(record -> written.put(record.key(), record.value()));
            assertThat(written).hasSize(2).allSatisfy((key, streak) -> {
                assertThat(streak.getLastProbeAt()).isEqualTo(at.toEpochMilli());
                assertThat(streak.getConsecutiveFailures()).isEqualTo(failures);
            });
        }
    }

    private void send(ProbeResult result) {
        results.pipeInput(result.getTargetId(), result, result.getStartedAt());
    }
}
