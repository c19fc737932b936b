package dev.llmuptime.alert;

import static dev.llmuptime.alert.StatsFixtures.probe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.llmuptime.config.ConfigLoader;
import dev.llmuptime.schema.AlertStatus;
import dev.llmuptime.schema.Outcome;
import dev.llmuptime.schema.WindowStats;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Inhibition, decided in virtual time: once half of a provider's targets have a critical alert firing,
 * one provider-down alert is sent and the provider's other alerts are recorded but held; when it
 * resolves, those still firing are sent. openai has four targets, anthropic one.
 */
class InhibitionTest {

    private static final String CONFIG = """
            probes:
              targets:
                - {id: openai-a, model: gpt-4o-mini}
                - {id: openai-b, model: gpt-4o}
                - {id: openai-c, model: gpt-4.1}
                - {id: openai-d, model: o3}
                - {id: claude-a, provider: anthropic, model: claude-sonnet-4}
            alerts:
              webhooks:
                - {name: ops, url: "http://127.0.0.1:9000/ops"}
              rules:
                - {name: down, condition: "consecutive-failures >= 2", severity: critical}
                - {name: slow, condition: "latency.p95 > 2000", severity: warning}
              repeat-interval: 20m
            """;
    private static final String DISABLED = CONFIG + "  inhibit: {enabled: false}\n";
    private static final Instant T0 = StatsFixtures.T0;

    private final InhibitingEngine engine = new InhibitingEngine(CONFIG, T0);

    @Test
    void providerDownFiresOnceHalfTheTargetsFailAndHoldsTheAlertsItCovers() {
        assertSent(engine.read(failing("openai-a")));
        assertThat(engine.pass(Duration.ofSeconds(1))).as("1 of 4 is less than half").isEmpty();
        assertSent(engine.read(failing("openai-b")));

        List<Notice> fired = engine.pass(Duration.ofSeconds(1));

        assertThat(fired).singleElement().satisfies(down -> {
            assertThat(down.kind()).isEqualTo(NoticeKind.TRANSITION);
            assertThat(down.event().getRule()).isEqualTo("provider-down");
            assertThat(down.event().getSeverity()).isEqualTo("critical");
            assertThat(down.event().getStatus()).isEqualTo(AlertStatus.FIRING);
            assertThat(down.event().getTargetId()).isEqualTo("openai");
            assertThat(down.event().getProvider()).isEqualTo("openai");
            assertThat(down.event().getAlertId()).isEqualTo("provider-down:openai:" + T0.plusSeconds(2).toEpochMilli());
            assertThat(down.event().getSummary())
                    .isEqualTo("provider-down on openai: 2 of 4 targets have a critical alert firing (openai-a, openai-b)");
            assertThat(down.event().getValue()).isEqualTo(2.0);
            assertThat(down.event().getThreshold()).isEqualTo(2.0);
            assertThat(down.heldBy()).isNull();
            assertThat(down.receivers()).containsExactly("ops");
        });
        String downId = fired.get(0).event().getAlertId();
        assertThat(engine.read(failing("openai-c"))).singleElement().satisfies(held -> {
            assertThat(held.event().getStatus()).isEqualTo(AlertStatus.FIRING);
            assertThat(held.heldBy()).isEqualTo("inhibited:" + downId);
            assertThat(held.receivers()).isEmpty();
        });
        assertThat(engine.pass(Duration.ofMinutes(25)))
                .as("only provider-down is reminded: the alerts sent before it are not, the held one is not sent")
                .extracting(notice -> notice.event().getAlertId(), Notice::kind, Notice::notification)
                .containsExactly(tuple(downId, NoticeKind.REMINDER, 1));
    }

    @Test
    void belowHalfTheTargetsBelowMinTargetsAndWarningsInhibitNothing() {
        assertSent(engine.read(failing("openai-a")));
        assertSent(engine.read(slow("openai-b")));
        assertSent(engine.read(anthropic(failing("claude-a"))));

        assertThat(engine.pass(Duration.ofMinutes(10)))
                .as("openai: 1 critical of 4 and a warning; anthropic: 1 target, fewer than min-targets 2").isEmpty();

        assertSent(engine.read(failing("openai-c")));
        assertThat(engine.pass(Duration.ofSeconds(1))).extracting(notice -> notice.event().getSummary())
                .containsExactly("provider-down on openai: 2 of 4 targets have a critical alert firing "
                        + "(openai-a, openai-c)");
        assertThat(engine.read(failing("openai-d"))).extracting(Notice::heldBy).singleElement().asString()
                .startsWith("inhibited:provider-down:openai:");
        assertThat(engine.read(anthropic(slow("claude-a")))).as("another provider's alert")
                .filteredOn(notice -> notice.event().getStatus() == AlertStatus.FIRING).singleElement()
                .satisfies(sent -> assertThat(sent.receivers()).containsExactly("ops"));
    }

    @Test
    void aProviderWithFewerTargetsThanMinTargetsIsNeverDown() {
        InhibitingEngine strict = new InhibitingEngine(CONFIG + "  inhibit: {min-targets: 5, share: 100%}\n", T0);

        allFourFail(strict);

        assertThat(strict.pass(Duration.ofMinutes(10))).isEmpty();
    }

    @Test
    void oneModelFailingAloneIsNeverTheProviderWhateverTheShare() {
        InhibitingEngine lenient = new InhibitingEngine(CONFIG + "  inhibit: {share: 25%}\n", T0);

        assertSent(lenient.read(failing("openai-a")));
        assertThat(lenient.pass(Duration.ofMinutes(1))).as("1 of 4 is the share, but fewer than min-targets 2")
                .isEmpty();
        assertSent(lenient.read(failing("openai-b")));
        assertThat(lenient.pass(Duration.ofSeconds(1))).extracting(notice -> notice.event().getRule())
                .containsExactly("provider-down");
    }

    @Test
    void onlyTheInstanceOwningTheProvidersPartitionDecidesIt() {
        engine.read(failing("openai-a"));
        engine.read(failing("openai-b"));
        ProviderDown providerDown = ProviderDown.of(new ConfigLoader(name -> null).parse(CONFIG, "test.yaml"));

        assertThat(providerDown.transitions(engine.firing(), Map.of(), provider -> false, T0.toEpochMilli())).isEmpty();
        assertThat(providerDown.transitions(engine.firing(), Map.of(), "openai"::equals, T0.toEpochMilli()))
                .extracting(event -> event.getTargetId()).containsExactly("openai");
    }

    @Test
    void whenProviderDownResolvesTheAlertsStillFiringAreSentAndTheOthersNever() {
        String downId = providerDownAfterTwoFail();
        String stillFiring = engine.read(failing("openai-c")).get(0).event().getAlertId();
        engine.read(failing("openai-d"));

        assertThat(engine.read(recovered("openai-d"))).as("held from start to end: never sent").singleElement()
                .satisfies(resolved -> {
                    assertThat(resolved.event().getStatus()).isEqualTo(AlertStatus.RESOLVED);
                    assertThat(resolved.heldBy()).isEqualTo("inhibited:" + downId);
                    assertThat(resolved.receivers()).isEmpty();
                });
        assertThat(engine.read(recovered("openai-a"))).as("sent before provider-down: its RESOLVED is sent")
                .singleElement().satisfies(resolved -> assertThat(resolved.receivers()).containsExactly("ops"));
        assertThat(engine.pass(Duration.ofSeconds(1))).as("b and c: still 2 of 4").isEmpty();
        engine.read(recovered("openai-b"));

        List<Notice> afterwards = engine.pass(Duration.ofSeconds(2));

        assertThat(afterwards).extracting(notice -> notice.event().getAlertId(), notice -> notice.event().getStatus(),
                Notice::kind).containsExactly(tuple(downId, AlertStatus.RESOLVED, NoticeKind.TRANSITION),
                tuple(stillFiring, AlertStatus.FIRING, NoticeKind.RELEASE));
        assertThat(afterwards.get(0).event().getSummary())
                .isEqualTo("resolved: provider-down on openai: 1 of 4 targets have a critical alert firing");
        assertThat(afterwards).allSatisfy(notice -> {
            assertThat(notice.receivers()).containsExactly("ops");
            assertThat(notice.heldBy()).isNull();
        });
        assertThat(engine.pass(Duration.ofMinutes(20))).as("reminded a repeat-interval after it was sent")
                .extracting(notice -> notice.event().getAlertId(), Notice::notification)
                .containsExactly(tuple(stillFiring, 1));
    }

    @Test
    void withInhibitionOffThereIsNoProviderDownAndEveryAlertIsSent() {
        InhibitingEngine off = new InhibitingEngine(DISABLED, T0);

        allFourFail(off);

        assertThat(off.pass(Duration.ofMinutes(10))).isEmpty();
        assertThat(off.firing()).extracting(episode -> episode.labels().rule()).containsOnly("down");
    }

    @Test
    void aProviderDownLeftFiringResolvesOnceInhibitionIsTurnedOffAndHoldsNothingMore() {
        String downId = providerDownAfterTwoFail();

        engine.restart(DISABLED);

        assertThat(engine.pass(Duration.ofSeconds(1))).extracting(notice -> notice.event().getAlertId(),
                notice -> notice.event().getStatus()).containsExactly(tuple(downId, AlertStatus.RESOLVED));
        assertSent(engine.read(failing("openai-c")));
    }

    @Test
    void aRestartInTheMiddleNeitherRepeatsNorForgetsProviderDownOrWhatItHolds() {
        String downId = providerDownAfterTwoFail();
        String held = engine.read(failing("openai-c")).get(0).event().getAlertId();

        engine.restart(CONFIG);

        assertThat(engine.pass(Duration.ofMinutes(25))).as("the same provider-down, reminded; c still held")
                .extracting(notice -> notice.event().getAlertId(), Notice::kind)
                .containsExactly(tuple(downId, NoticeKind.REMINDER));
        engine.read(recovered("openai-a"));
        engine.read(recovered("openai-b"));
        assertThat(engine.pass(Duration.ofSeconds(2))).extracting(notice -> notice.event().getAlertId(), Notice::kind)
                .containsExactly(tuple(downId, NoticeKind.TRANSITION), tuple(held, NoticeKind.RELEASE));
    }

    /** Two of openai's four targets fail; returns the alert id of the provider-down that follows. */
    private String providerDownAfterTwoFail() {
        engine.read(failing("openai-a"));
        engine.read(failing("openai-b"));
        return engine.pass(Duration.ofSeconds(1)).get(0).event().getAlertId();
    }

    /** All four of openai's targets fail: each alert is sent. */
    private static void allFourFail(InhibitingEngine engine) {
        for (String target : List.of("openai-a", "openai-b", "openai-c", "openai-d")) {
            assertSent(engine.read(failing(target)));
        }
    }

    private static void assertSent(List<Notice> notices) {
        assertThat(notices).singleElement().satisfies(sent -> {
            assertThat(sent.event().getStatus()).isEqualTo(AlertStatus.FIRING);
            assertThat(sent.heldBy()).isNull();
            assertThat(sent.receivers()).containsExactly("ops");
        });
    }

    private static WindowStats failing(String target) {
        return probe(target, Outcome.TIMEOUT, 2, 0);
    }

    private static WindowStats recovered(String target) {
        return probe(target, Outcome.SUCCESS, 0, 1);
    }

    /** p95 3 s, every probe up: only the warning fires. */
    private static WindowStats slow(String target) {
        return StatsFixtures.stats(target, Duration.ofMinutes(1), 10, 1.0, 3000.0, Outcome.SUCCESS, 0, 1);
    }

    private static WindowStats anthropic(WindowStats stats) {
        stats.setProvider("anthropic");
        stats.setModel("claude-sonnet-4");
        return stats;
    }
}
