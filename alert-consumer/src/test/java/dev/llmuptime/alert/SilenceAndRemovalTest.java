package dev.llmuptime.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmuptime.schema.AlertEvent;
import dev.llmuptime.schema.AlertStatus;
import dev.llmuptime.schema.Outcome;
import dev.llmuptime.schema.WindowStats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code silent} waits as long as each target's own probe interval asks; targets and rules taken out of
 * the config leave no alert behind, as after a restart with the new file.
 */
class SilenceAndRemovalTest {

    private static final String TWO_TARGETS = """
            probes:
              targets:
                - {id: fast, model: gpt-4o-mini, interval: 5s}
                - {id: hourly, model: gpt-4o-mini, interval: 5m}
            """;

    private long now = StatsFixtures.T0.toEpochMilli();

    @Test
    void aTargetProbedEvery5MinutesIsNotSilentBetweenProbesButAfterThreeMissedOnes() {
        RuleEngine engine = RuleEngineTest.engine(TWO_TARGETS);
        ProbeSequence hourly = new ProbeSequence("hourly", "chat-stream", StatsFixtures.T0, Duration.ofMinutes(5),
                List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofHours(1)));
        List<AlertEvent> events = new ArrayList<>();
        for (int probe = 0; probe < 6; probe++) {
            long probeAt = hourly.next().toEpochMilli();
            events.addAll(ticksUntil(engine, probeAt));
            for (WindowStats stats : hourly.probe(Outcome.SUCCESS)) {
                events.addAll(engine.onStats(stats, probeAt));
                events.addAll(engine.onStats(ProbeSequence.closed(stats), probeAt + stats.getWindowSize()));
            }
        }
        long lastProbe = hourly.next().minus(Duration.ofMinutes(5)).toEpochMilli();
        assertThat(events).as("25 minutes of probes every 5 minutes").isEmpty();

        assertThat(ticksUntil(engine, lastProbe + Duration.ofMinutes(15).toMillis() - 10_000)).isEmpty();
        assertThat(ticksUntil(engine, lastProbe + Duration.ofMinutes(15).toMillis())).singleElement()
                .satisfies(event -> {
                    assertThat(event.getRule()).isEqualTo("silent");
                    assertThat(event.getSummary()).isEqualTo("silent on hourly: no stats for 15m");
                    assertThat(event.getThreshold()).isEqualTo(900.0);
                });
    }

    @Test
    void aTargetProbedEvery5SecondsIsSilentAfterTwoMinutes() {
        assertSilentOnFastAfter(RuleEngineTest.engine(TWO_TARGETS), 120_000, "silent on fast: no stats for 2m");
    }

    @Test
    void missedProbesStretchesAUserRuleToTheTargetsInterval() {
        RuleEngine engine = RuleEngineTest.engine(TWO_TARGETS + """
                alerts:
                  rules:
                    - {name: quiet, condition: no-data, for: 1m, missed-probes: 20}
                """);

        assertSilentOnFastAfter(engine, 100_000, "quiet on fast: no stats for 100s");
    }

    @Test
    void aTargetRemovedFromTheConfigIsForgottenWithoutASilenceAlertAndItsFiringAlertResolvesSayingWhy() {
        RuleEngine before = RuleEngineTest.engine(TWO_TARGETS);
        ProbeSequence fast = ProbeSequence.every5s("fast", StatsFixtures.T0);
        ProbeSequence gone = ProbeSequence.every5s("hourly", StatsFixtures.T0);
        List<AlertEvent> fired = new ArrayList<>();
        for (int probe = 0; probe < 3; probe++) {
            long probeAt = fast.next().toEpochMilli();
            fast.probe(Outcome.SUCCESS).forEach(stats -> before.onStats(stats, probeAt));
            gone.probe(Outcome.TIMEOUT).forEach(stats -> fired.addAll(before.onStats(stats, probeAt)));
        }
        assertThat(fired).extracting(AlertEvent::getRule).containsExactly("down");

        RuleEngine after = restarted(before, """
                probes:
                  targets:
                    - {id: fast, model: gpt-4o-mini, interval: 5s}
                """);
        List<AlertEvent> events = new ArrayList<>();
        long lastProbe = fast.next().toEpochMilli() - 5000;
        for (long at = lastProbe + 5000; at <= lastProbe + Duration.ofMinutes(10).toMillis(); at += 5000) {
            long probeAt = at;
            fast.probe(Outcome.SUCCESS).forEach(stats -> events.addAll(after.onStats(stats, probeAt)));
            events.addAll(after.onTick(probeAt));
        }

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.getRule()).isEqualTo("down");
            assertThat(event.getTargetId()).isEqualTo("hourly");
            assertThat(event.getStatus()).isEqualTo(AlertStatus.RESOLVED);
            assertThat(event.getAlertId()).isEqualTo(fired.get(0).getAlertId());
            assertThat(event.getSeverity()).isEqualTo("critical");
            assertThat(event.getSummary())
                    .isEqualTo("resolved: down on hourly (gpt-4o-mini): target removed from the configuration");
        });
        Map<String, Long> seen = new HashMap<>();
        after.drainChangedSeen().forEach(seen::put);
        assertThat(seen).as("its last sighting is deleted from the state topic").containsEntry("hourly", null);
        assertThat(after.drainChangedStates()).containsEntry(new RuleTargetKey("down", "hourly"), null);
    }

    @Test
    void aRuleRemovedWhileFiringSendsItsResolvedSayingWhyAndAPendingOneIsDropped() {
        RuleEngine before = RuleEngineTest.engine("""
                alerts:
                  rules:
                    - {name: down, condition: "consecutive-failures >= 2", severity: critical}
                    - {name: errors, condition: "error-rate > 0.1", for: 10m}
                """);
        ProbeSequence target = ProbeSequence.every5s("a", StatsFixtures.T0);
        List<AlertEvent> fired = new ArrayList<>();
        for (int probe = 0; probe < 2; probe++) {
            long probeAt = target.next().toEpochMilli();
            target.probe(Outcome.SERVER_ERROR).forEach(stats -> fired.addAll(before.onStats(stats, probeAt)));
        }
        assertThat(fired).extracting(AlertEvent::getRule).containsExactly("down");

        RuleEngine after = restarted(before, """
                alerts:
                  rules:
                    - {name: slow, window: 5m, condition: "latency.p95 > 5000"}
                """);

        assertThat(after.onTick(now + 10_000)).singleElement().satisfies(event -> {
            assertThat(event.getRule()).isEqualTo("down");
            assertThat(event.getStatus()).isEqualTo(AlertStatus.RESOLVED);
            assertThat(event.getAlertId()).isEqualTo(fired.get(0).getAlertId());
            assertThat(event.getSeverity()).as("no longer known").isEqualTo("info");
            assertThat(event.getSummary()).isEqualTo("resolved: down on a (gpt-4o-mini): rule removed from the configuration");
        });
        assertThat(after.drainChangedStates()).containsEntry(new RuleTargetKey("down", "a"), null)
                .containsEntry(new RuleTargetKey("errors", "a"), null);
        assertThat(after.onTick(now + 20_000)).isEmpty();
    }

    @Test
    void aSightingDeletedFromTheStateTopicIsNotRestored() {
        RuleEngine engine = RuleEngineTest.engine(TWO_TARGETS);
        engine.restoreSeen("fast", now);
        engine.restoreSeen("fast", null);

        assertThat(ticksUntil(engine, now + Duration.ofMinutes(10).toMillis())).isEmpty();
    }

    /** After one probe of {@code fast}, ticks show nothing until {@code millis} later, then this silence alert. */
    private void assertSilentOnFastAfter(RuleEngine engine, long millis, String summary) {
        ProbeSequence fast = ProbeSequence.every5s("fast", StatsFixtures.T0);
        fast.probe(Outcome.SUCCESS).forEach(stats -> engine.onStats(stats, now));

        assertThat(ticksUntil(engine, now + millis - 1000)).isEmpty();
        assertThat(ticksUntil(engine, now + 1000)).extracting(AlertEvent::getSummary).containsExactly(summary);
    }

    /** A new engine on {@code yaml}, given back what {@code before} wrote to the state topic. */
    private static RuleEngine restarted(RuleEngine before, String yaml) {
        RuleEngine after = RuleEngineTest.engine(yaml);
        before.drainChangedStates().forEach(after::restore);
        before.drainChangedSeen().forEach(after::restoreSeen);
        after.drainChangedStates();
        return after;
    }

    /** Ticks every 10 s up to and including {@code until}; every transition. */
    private List<AlertEvent> ticksUntil(RuleEngine engine, long until) {
        List<AlertEvent> events = new ArrayList<>();
        while (now + 10_000 <= until) {
            now += 10_000;
            events.addAll(engine.onTick(now));
        }
        if (now < until) {
            now = until;
            events.addAll(engine.onTick(now));
        }
        return events;
    }
}
