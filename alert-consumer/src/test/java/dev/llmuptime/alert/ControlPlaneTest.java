package dev.llmuptime.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmuptime.schema.AlertEvent;
import dev.llmuptime.schema.AlertStatus;
import dev.llmuptime.schema.Outcome;
import dev.llmuptime.schema.WindowStats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A completions target and the {@code models} check of the same model, probed side by side every 5 s:
 * the summary tells the control plane from the data plane, and a model leaving /v1/models has its alert.
 */
class ControlPlaneTest {

    private static final String CONFIG = """
            probes:
              targets:
                - {id: chat, model: gpt-4o-mini, interval: 5s}
                - {id: list, model: gpt-4o-mini, check: models, interval: 5s}
                - {id: other-list, model: gpt-4o, check: models, interval: 5s}
            """;

    private final RuleEngine engine = RuleEngineTest.engine(CONFIG);
    private final ProbeSequence chat = ProbeSequence.every5s("chat", StatsFixtures.T0);
    private final ProbeSequence list = new ProbeSequence("list", "models", StatsFixtures.T0, Duration.ofSeconds(5),
            List.of(Duration.ofMinutes(1)));

    @Test
    void completionsFailingWhileTheModelIsListedSaySo() {
        List<AlertEvent> events = probe(3, Outcome.SUCCESS, Outcome.SUCCESS);
        events.addAll(probe(3, Outcome.SERVER_ERROR, Outcome.SUCCESS));

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.getRule()).isEqualTo("down");
            assertThat(event.getSummary()).isEqualTo("down on chat (gpt-4o-mini): consecutive-failures = 2 "
                    + "(consecutive-failures >= 2); listed in /v1/models, completions failing");
        });
        assertThat(probe(2, Outcome.SUCCESS, Outcome.SUCCESS)).singleElement()
                .satisfies(event -> assertThat(event.getSummary()).doesNotContain("/v1/models"));
    }

    @Test
    void completionsAndTheListFailingTogetherSaySo() {
        probe(3, Outcome.SUCCESS, Outcome.SUCCESS);

        assertThat(probe(2, Outcome.TIMEOUT, Outcome.SERVER_ERROR)).filteredOn(e -> e.getTargetId().equals("chat"))
                .singleElement().satisfies(event -> assertThat(event.getSummary()).endsWith("; /v1/models failing too"));
    }

    @Test
    void aListNotHeardForTwoMinutesSaysNothing() {
        probe(3, Outcome.SUCCESS, Outcome.SUCCESS);
        List<AlertEvent> events = new ArrayList<>();
        for (int probe = 0; probe < 26; probe++) {
            long probeAt = chat.next().toEpochMilli() + 100;
            Outcome outcome = probe < 24 ? Outcome.SUCCESS : Outcome.SERVER_ERROR;
            chat.probe(outcome).forEach(stats -> events.addAll(engine.onStats(stats, probeAt)));
            events.addAll(engine.onTick(probeAt));
        }

        assertThat(events).filteredOn(e -> e.getRule().equals("down")).singleElement()
                .satisfies(event -> assertThat(event.getSummary()).doesNotContain("/v1/models"));
    }

    @Test
    void aModelMissingFromTheListFiresModelMissingAfterAMinuteAndNamesTheCause() {
        probe(3, Outcome.SUCCESS, Outcome.SUCCESS);
        List<AlertEvent> events = new ArrayList<>();
        int firedAt = -1;
        for (int probe = 0; probe < 13 && firedAt < 0; probe++) {
            events.addAll(probe(1, Outcome.MODEL_UNAVAILABLE, Outcome.MODEL_UNAVAILABLE));
            firedAt = events.stream().anyMatch(e -> e.getRule().equals("model-missing")) ? probe : -1;
        }

        assertThat(firedAt).as("the 13th missing listing is 60 s after the first").isEqualTo(12);
        assertThat(events).filteredOn(e -> e.getRule().equals("model-missing")).as("chat got model_not_found too")
                .extracting(AlertEvent::getTargetId).containsExactly("list", "chat");
        assertThat(events).filteredOn(e -> e.getRule().equals("model-missing")).first().satisfies(event -> {
            assertThat(event.getSummary()).isEqualTo("model-missing on list (gpt-4o-mini): last-outcome.MODEL_UNAVAILABLE"
                    + " = 1 (last-outcome.MODEL_UNAVAILABLE >= 1); not listed in /v1/models");
        });
        assertThat(events).filteredOn(e -> e.getRule().equals("down") && e.getTargetId().equals("chat"))
                .singleElement().satisfies(event -> assertThat(event.getSummary()).endsWith("; not listed in /v1/models"));
        assertThat(probe(1, Outcome.SUCCESS, Outcome.SUCCESS)).filteredOn(e -> e.getRule().equals("model-missing"))
                .extracting(AlertEvent::getStatus).containsExactly(AlertStatus.RESOLVED, AlertStatus.RESOLVED);
    }

    @Test
    void oneMissingListingBetweenGoodOnesFiresNothing() {
        probe(3, Outcome.SUCCESS, Outcome.SUCCESS);
        List<AlertEvent> events = probe(1, Outcome.SUCCESS, Outcome.MODEL_UNAVAILABLE);
        events.addAll(probe(20, Outcome.SUCCESS, Outcome.SUCCESS));

        assertThat(events).isEmpty();
    }

    /** {@code times} probes of both targets, 5 s apart, the engine ticked after each; every transition. */
    private List<AlertEvent> probe(int times, Outcome completions, Outcome models) {
        List<AlertEvent> events = new ArrayList<>();
        for (int probe = 0; probe < times; probe++) {
            long now = chat.next().toEpochMilli() + 100;
            for (WindowStats stats : list.probe(models)) {
                events.addAll(engine.onStats(stats, now));
            }
            for (WindowStats stats : chat.probe(completions)) {
                events.addAll(engine.onStats(stats, now));
            }
            events.addAll(engine.onTick(now));
        }
        return events;
    }
}
