package dev.llmuptime.aggregator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmuptime.aggregator.StateSerdes.StreakSerde;
import dev.llmuptime.aggregator.state.Streak;
import dev.llmuptime.schema.BackoffReasons;
import dev.llmuptime.schema.Outcome;
import dev.llmuptime.schema.ProbeEvidence;
import dev.llmuptime.schema.ProbeLatency;
import dev.llmuptime.schema.ProbeReasons;
import dev.llmuptime.schema.ProbeResult;
import dev.llmuptime.schema.ProbeResultSerde;
import dev.llmuptime.schema.WindowStats;
import dev.llmuptime.schema.WindowStatsSerde;
import dev.llmuptime.testkit.ProbeResults;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;


/** The real topology, driven record by record with explicit timestamps and a mocked wall clock. */
class StatsTopologyTest {

    /** 2026-11-26T10:00:00Z: the start of a 1m, 5m and 1h window. */
    static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private TopologyTestDriver driver;
    private TestInputTopic<String, ProbeResult> results;
    private TestInputTopic<String, byte[]> raw;
    private TestOutputTopic<String, WindowStats> stats;
    private TestOutputTopic<String, Streak> streaksChangelog;
    private final Map<String, Streak> streaks = new HashMap<>();

    @BeforeEach
    void start() {
        driver = TopologyDrivers.start(TopologyDrivers.TWO_WINDOWS, registry, T0);
        results = driver.createInputTopic("llm.probe.results", new StringSerializer(), new ProbeResultSerde().serializer());
        raw = driver.createInputTopic("llm.probe.results", new StringSerializer(), new ByteArraySerializer());
        stats = driver.createOutputTopic("llm.probe.stats", new StringDeserializer(), new WindowStatsSerde().deserializer());
        streaksChangelog = driver.createOutputTopic(StateChangelogTest.STREAKS_CHANGELOG, new StringDeserializer(),
                new StreakSerde().deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void liveStatsPerRegionAndAcrossRegions() {
        send(result("a", "eu", T0.plusSeconds(1), Outcome.SUCCESS, 100L, 40L));
        send(result("a", "eu", T0.plusSeconds(2), Outcome.SUCCESS, 300L, 60L));
        send(result("a", "us", T0.plusSeconds(3), Outcome.TIMEOUT, 20_000L, null));
        driver.advanceWallClockTime(Duration.ofSeconds(1));

        List<WindowStats> emitted = stats.readValuesToList();
        WindowStats eu = latest(emitted, "eu", Duration.ofMinutes(1));
        assertThat(eu.getCount()).isEqualTo(2);
        assertThat(eu.getUptime()).isEqualTo(1.0);
        assertThat(eu.getLatency().getMax()).isEqualTo(300.0);
        assertThat(eu.getLatency().getMean()).isEqualTo(200.0);
        assertThat(eu.getTtft().getP50()).isCloseTo(40.0, Offset.offset(0.5));
        assertThat(eu.getFinal$()).isFalse();
        assertThat(eu.getWindowStart()).isEqualTo(T0);
        assertThat(eu.getWindowEnd()).isEqualTo(T0.plusSeconds(60));
        assertThat(eu.getLatencySketch()).isNotNull();

        WindowStats all = latest(emitted, "*", Duration.ofMinutes(1));
        assertThat(all.getCount()).isEqualTo(3);
        assertThat(all.getOutcomeCounts()).containsEntry("SUCCESS", 2L).containsEntry("TIMEOUT", 1L);
        assertThat(all.getUptime()).isCloseTo(2.0 / 3, Offset.offset(1e-9));
        assertThat(all.getLatency().getMax()).as("latency is over up probes only").isEqualTo(300.0);
        assertThat(all.getLastOutcome()).isEqualTo(Outcome.TIMEOUT);
        assertThat(all.getConsecutiveFailures()).isEqualTo(1);

        assertThat(latest(emitted, "*", Duration.ofMinutes(5)).getCount()).isEqualTo(3);
        assertThat(latest(emitted, "us", Duration.ofMinutes(1)).getUptime()).isEqualTo(0.0);
    }

    @Test
    void theFirstFailureOfAnOutageIsEmittedAtOnce() {
        send(result("a", "eu", T0.plusSeconds(1), Outcome.SUCCESS, 100L, null));
        stats.readValuesToList();
        driver.advanceWallClockTime(Duration.ofSeconds(5));

        send(result("a", "eu", T0.plusSeconds(6), Outcome.SERVER_ERROR, 50L, null));

        List<WindowStats> emitted = stats.readValuesToList();
        assertThat(emitted).filteredOn(s -> s.getRegion().equals("*") && s.getWindowSize() == 60_000)
                .singleElement().satisfies(s -> {
                    assertThat(s.getLastOutcome()).isEqualTo(Outcome.SERVER_ERROR);
                    assertThat(s.getConsecutiveFailures()).isEqualTo(1);
                });
    }

    @Test
    void liveUpdatesComeAtMostOnceASecondPerWindow() {
        for (int i = 0; i < 50; i++) {
            send(result("a", "eu", T0.plusMillis(100 + i * 10L), Outcome.SUCCESS, 100L + i, null));
        }
        List<WindowStats> duringTheSecond = stats.readValuesToList();
        driver.advanceWallClockTime(Duration.ofSeconds(1));
        List<WindowStats> afterIt = stats.readValuesToList();

        // One at once per (region, window size), then one with everything after a second.
        assertThat(duringTheSecond).hasSize(4);
        assertThat(afterIt).hasSize(4).allSatisfy(s -> assertThat(s.getCount()).isEqualTo(50));
    }

    @Test
    void oneFinalRecordOnceTheWindowClosesAndLateResultsAreDropped() {
        send(result("a", "eu", T0.plusSeconds(10), Outcome.SUCCESS, 100L, null));
        send(result("a", "eu", T0.plusSeconds(65), Outcome.SUCCESS, 100L, null));
        send(result("a", "eu", T0.plusSeconds(59), Outcome.SLOW, 900L, null));
        stats.readValuesToList();

        send(result("a", "eu", T0.plusSeconds(71), Outcome.SUCCESS, 100L, null));
        List<WindowStats> finals = stats.readValuesToList().stream().filter(WindowStats::getFinal$).toList();
        assertThat(finals).hasSize(2).allSatisfy(s -> {
            assertThat(s.getWindowStart()).isEqualTo(T0);
            assertThat(s.getWindowSize()).isEqualTo(60_000);
            assertThat(s.getCount()).as("the result 1 s before the end, within grace, counts").isEqualTo(2);
            assertThat(s.getOutcomeCounts()).containsEntry("SLOW", 1L);
        });

        send(result("a", "eu", T0.plusSeconds(30), Outcome.SUCCESS, 100L, null));
        assertThat(stats.readValuesToList()).noneMatch(s -> s.getWindowStart().equals(T0) && s.getWindowSize() == 60_000);
        assertThat(registry.get("llm.aggregator.late.results.dropped").tag("window", "1m").counter().count())
                .isEqualTo(1);
    }

    @Test
    void monitorSideFailuresDoNotCountAgainstUptimeOrStreaks() {
        send(result("a", "eu", T0.plusSeconds(1), Outcome.SERVER_ERROR, 10L, null));
        send(result("a", "eu", T0.plusSeconds(2), Outcome.AUTH_ERROR, 10L, null));
        send(result("a", "eu", T0.plusSeconds(3), Outcome.TIMEOUT, 10L, null));
        send(result("a", "eu", T0.plusSeconds(4), Outcome.SUCCESS, 10L, null));
        send(result("a", "eu", T0.plusSeconds(5), Outcome.CLIENT_ERROR, 10L, null));
        driver.advanceWallClockTime(Duration.ofSeconds(1));

        WindowStats all = latest(stats.readValuesToList(), "*", Duration.ofMinutes(1));
        assertThat(all.getCount()).isEqualTo(5);
        assertThat(all.getUptime()).isCloseTo(1.0 / 3, Offset.offset(1e-9));
        assertThat(all.getLastOutcome()).isEqualTo(Outcome.CLIENT_ERROR);
        assertThat(all.getConsecutiveSuccesses()).isEqualTo(1);
        assertThat(all.getConsecutiveFailures()).isZero();
    }

    @Test
    void failureStreakSpansWindowsAndAuthErrorsLeaveItAlone() {
        send(result("a", "eu", T0.plusSeconds(50), Outcome.SERVER_ERROR, 10L, null));
        send(result("a", "eu", T0.plusSeconds(55), Outcome.AUTH_ERROR, 10L, null));
        send(result("a", "eu", T0.plusSeconds(61), Outcome.CONNECTION_ERROR, 10L, null));
        driver.advanceWallClockTime(Duration.ofSeconds(1));

        WindowStats next = latest(stats.readValuesToList().stream()
                .filter(s -> s.getWindowStart().equals(T0.plusSeconds(60))).toList(), "*", Duration.ofMinutes(1));
        assertThat(next.getConsecutiveFailures()).isEqualTo(2);
    }

    @Test
    void statsCarryTheLastFiveFailedProbesNewestLast() {
        for (int second = 1; second <= 7; second++) {
            send(failure("eu", T0.plusSeconds(second), "req-" + second));
        }
        driver.advanceWallClockTime(Duration.ofSeconds(1));

        List<WindowStats> emitted = stats.readValuesToList();
        for (String region : List.of("*", "eu")) {
            assertThat(latest(emitted, region, Duration.ofMinutes(1)).getRecentFailures())
                    .as("region %s", region).extracting(ProbeEvidence::getRequestId)
                    .containsExactly("req-3", "req-4", "req-5", "req-6", "req-7");
        }
        ProbeEvidence newest = latest(emitted, "*", Duration.ofMinutes(5)).getRecentFailures().get(4);
        assertThat(newest.getStartedAt()).isEqualTo(T0.plusSeconds(7));
        assertThat(newest.getRegion()).isEqualTo("eu");
        assertThat(newest.getOutcome()).isEqualTo(Outcome.SERVER_ERROR);
        assertThat(newest.getHttpStatus()).isEqualTo(503);
        assertThat(newest.getErrorCode()).isEqualTo("server_error");
        assertThat(newest.getMessage()).isEqualTo("HTTP 503: overloaded");
        assertThat(newest.getProbeId()).isNotBlank();
    }

    @Test
    void statsCarryTheLatencyOfTheLatest32UpProbesOldestFirstAndRegionsKeepTheirOwn() {
        for (int second = 1; second <= 40; second++) {
            send(result("a", "eu", T0.plusSeconds(second), Outcome.SUCCESS, 100L + second, null));
        }
        send(failure("eu", T0.plusSeconds(41), "req-41"));
        send(result("a", "us", T0.plusSeconds(42), Outcome.SUCCESS, 900L, null));
        driver.advanceWallClockTime(Duration.ofSeconds(1));

        List<WindowStats> emitted = stats.readValuesToList();
        List<ProbeLatency> eu = latest(emitted, "eu", Duration.ofMinutes(1)).getRecentLatencies();
        assertThat(eu).as("failures carry no latency").hasSize(32)
                .extracting(ProbeLatency::getLatencyMs).startsWith(109.0).endsWith(140.0);
        assertThat(eu.get(31).getStartedAt()).isEqualTo(T0.plusSeconds(40));
        assertThat(latest(emitted, "us", Duration.ofMinutes(5)).getRecentLatencies())
                .extracting(ProbeLatency::getLatencyMs).containsExactly(900.0);
        assertThat(latest(emitted, "*", Duration.ofMinutes(1)).getRecentLatencies())
                .extracting(ProbeLatency::getLatencyMs).endsWith(139.0, 140.0, 900.0);
    }

    @Test
    void aSlowAnswerThatEndsAfterAFasterOneStartedLaterStillCountsAmongTheLatestLatenciesInStartOrder() {
        send(result("a", "us", T0.plusSeconds(5), Outcome.SUCCESS, 100L, null));
        send(result("a", "eu", T0.plusSeconds(3), Outcome.SUCCESS, 3_000L, null));
        send(result("a", "eu", T0.plusSeconds(1), Outcome.SERVER_ERROR, 10L, null));
        driver.advanceWallClockTime(Duration.ofSeconds(1));

        WindowStats all = latest(stats.readValuesToList(), "*", Duration.ofMinutes(1));
        assertThat(all.getRecentLatencies()).extracting(ProbeLatency::getLatencyMs).containsExactly(3_000.0, 100.0);
        assertThat(all.getConsecutiveSuccesses()).as("late results leave the streak").isEqualTo(1);
        assertThat(all.getLastProbeAt()).isEqualTo(T0.plusSeconds(5));
    }

    @Test
    void successesAndMonitorSideFailuresAddNoEvidenceAndRegionsKeepTheirOwn() {
        send(failure("eu", T0.plusSeconds(1), "req-eu"));
        send(result("a", "eu", T0.plusSeconds(2), Outcome.SUCCESS, 100L, null));
        send(result("a", "eu", T0.plusSeconds(3), Outcome.AUTH_ERROR, 10L, null));
        send(failure("us", T0.plusSeconds(4), "req-us"));
        send(result("a", "us", T0.plusSeconds(5), Outcome.SLOW, 9_000L, null));
        driver.advanceWallClockTime(Duration.ofSeconds(1));

        List<WindowStats> emitted = stats.readValuesToList();
        assertThat(latest(emitted, "*", Duration.ofMinutes(1)).getRecentFailures())
                .extracting(ProbeEvidence::getRequestId).containsExactly("req-eu", "req-us");
        assertThat(latest(emitted, "eu", Duration.ofMinutes(1)).getRecentFailures())
                .extracting(ProbeEvidence::getRequestId).containsExactly("req-eu");
        assertThat(latest(emitted, "us", Duration.ofMinutes(1)).getRecentFailures())
                .extracting(ProbeEvidence::getRequestId).containsExactly("req-us");
    }

    @Test
    void onlyMonitorSideFailuresGiveNoUptime() {
        send(result("a", "eu", T0.plusSeconds(1), Outcome.AUTH_ERROR, 10L, null));
        driver.advanceWallClockTime(Duration.ofSeconds(1));

        WindowStats all = latest(stats.readValuesToList(), "*", Duration.ofMinutes(1));
        assertThat(all.getUptime()).isNull();
        assertThat(all.getLatency()).isNull();
        assertThat(all.getLatencySketch()).isNull();
    }

    @Test
    void confirmationsMoveStreaksAndRecentProbesButNotTheWindowsCounts() {
        send(result("a", "eu", T0.plusSeconds(1), Outcome.SUCCESS, 100L, null));
        send(result("a", "eu", T0.plusSeconds(6), Outcome.SERVER_ERROR, 50L, null));
        send(confirmation(result("a", "eu", T0.plusSeconds(7), Outcome.SERVER_ERROR, 50L, null)));
        driver.advanceWallClockTime(Duration.ofSeconds(1));

        WindowStats failing = latest(stats.readValuesToList(), "*", Duration.ofMinutes(1));
        assertThat(failing.getConsecutiveFailures()).as("the confirmation is the second failure in a row").isEqualTo(2);
        assertThat(failing.getRecentFailures()).hasSize(2);
        assertThat(failing.getCount()).as("one probe per scheduled slot").isEqualTo(2);
        assertThat(failing.getOutcomeCounts()).containsEntry("SERVER_ERROR", 1L);
        assertThat(failing.getUptime()).isEqualTo(0.5);

        send(result("a", "eu", T0.plusSeconds(11), Outcome.TIMEOUT, 20_000L, null));
        send(confirmation(result("a", "eu", T0.plusSeconds(12), Outcome.SUCCESS, 900L, null)));
        driver.advanceWallClockTime(Duration.ofSeconds(1));

        WindowStats recovering = latest(stats.readValuesToList(), "*", Duration.ofMinutes(1));
        assertThat(recovering.getLastOutcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(recovering.getConsecutiveSuccesses()).isEqualTo(1);
        assertThat(recovering.getRecentLatencies()).extracting(ProbeLatency::getLatencyMs).contains(900.0);
        assertThat(recovering.getCount()).isEqualTo(3);
        assertThat(recovering.getOutcomeCounts()).containsEntry("SUCCESS", 1L);
        assertThat(recovering.getUptime()).isCloseTo(1.0 / 3, Offset.offset(1e-9));
        assertThat(recovering.getLatency().getMax()).as("percentiles are over scheduled probes only").isEqualTo(100.0);
    }

    @Test
    void aRegionsLatestBackoffIsKeptUntilALaterResultOfThatRegionWithoutOne() {
        send(backoff(result("a", "eu", T0.plusSeconds(10), Outcome.RATE_LIMITED, 30L, null),
                BackoffReasons.RETRY_AFTER, T0.plusSeconds(70)));
        send(result("a", "us", T0.plusSeconds(20), Outcome.SUCCESS, 100L, null));

        Map<String, Streak> regions = Map.of("eu", streak("eu"), "us", streak("us"));
        assertThat(RegionBackoff.of("eu", streak("eu"), T0.plusSeconds(30)))
                .hasValue(new RegionBackoff("eu", BackoffReasons.RETRY_AFTER, T0.plusSeconds(70)));
        assertThat(RegionBackoff.longest(regions, T0.plusSeconds(30))).as("another region's probe does not end it")
                .map(RegionBackoff::region).hasValue("eu");
        assertThat(RegionBackoff.of("eu", streak("eu"), T0.plusSeconds(70))).as("over once its time has passed")
                .isEmpty();
        assertThat(RegionBackoff.of("us", streak("us"), T0.plusSeconds(30))).isEmpty();

        send(backoff(result("a", "eu", T0.plusSeconds(5), Outcome.AUTH_ERROR, 30L, null),
                BackoffReasons.BREAKER, T0.plusSeconds(90)));
        assertThat(streak("eu").getBackoff().getReason()).as("a late result leaves it").isEqualTo("retry-after");

        send(result("a", "eu", T0.plusSeconds(71), Outcome.SUCCESS, 100L, null));
        assertThat(streak("eu").getBackoff()).as("a later result without one ends it").isNull();
        assertThat(RegionBackoff.longest(Map.of("eu", streak("eu"), "us", streak("us")), T0.plusSeconds(72)))
                .isEmpty();
    }

    @Test
    void undecodableRecordsAreSkippedAndProcessingGoesOn() {
        send(result("a", "eu", T0.plusSeconds(1), Outcome.SUCCESS, 100L, null));
        raw.pipeInput("a", "{\"not\": \"avro\"}".getBytes(StandardCharsets.UTF_8), T0.plusSeconds(2));
        send(result("a", "eu", T0.plusSeconds(3), Outcome.SUCCESS, 100L, null));
        driver.advanceWallClockTime(Duration.ofSeconds(1));

        // Where they go (the dead letter topic) is tested against a real broker in AggregatorServiceTest.
        assertThat(latest(stats.readValuesToList(), "*", Duration.ofMinutes(1)).getCount()).isEqualTo(2);
    }

    private void send(ProbeResult result) {
        results.pipeInput(result.getTargetId(), result, result.getStartedAt());
    }

    private static WindowStats latest(List<WindowStats> emitted, String region, Duration window) {
        List<WindowStats> matching = emitted.stream()
                .filter(s -> s.getRegion().equals(region) && s.getWindowSize() == window.toMillis()).toList();
        assertThat(matching).as("stats for region %s, window %s", region, window).isNotEmpty();
        return matching.get(matching.size() - 1);
    }

    private static ProbeResult failure(String region, Instant startedAt, String requestId) {
        return ProbeResults.of("a", startedAt, Outcome.SERVER_ERROR).setRegion(region).setHttpStatus(503)
                .setErrorCode("server_error").setRequestId(requestId).setMessage("HTTP 503: overloaded").build();
    }

    /** The streak as the changelog holds it after the driver's commit: the write-behind store is not a KeyValueStore. */
    private Streak streak(String region) {
        streaksChangelog.readRecordsToList().forEach(record -> streaks.put(record.key(), record.value()));
        return streaks.get(new StreakKey("a", region).encode());
    }

    static ProbeResult backoff(ProbeResult result, String reason, Instant until) {
        result.setBackoffReason(reason);
        result.setBackoffUntil(until);
        return result;
    }

    private static ProbeResult confirmation(ProbeResult result) {
        result.setReason(ProbeReasons.CONFIRM);
        return result;
    }

    static ProbeResult result(String target, String region, Instant startedAt, Outcome outcome, Long latencyMs,
            Long ttftMs) {
        return ProbeResults.of(target, startedAt, outcome).setCheck("chat-stream").setRegion(region)
                .setLatencyMs(latencyMs).setTtftMs(ttftMs).setTokensPerSecond(ttftMs == null ? null : 50.0).build();
    }
}
