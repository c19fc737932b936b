package dev.llmuptime.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmuptime.config.CheckType;
import dev.llmuptime.config.TargetConfig;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenBudgetTest {

    private static final String BASE_URL = "http://127.0.0.1:1/v1";

    @Test
    void chatProbesCostPromptOverheadAndOutput() {
        TargetConfig chat = chat(Duration.ofSeconds(30));

        // "Reply with the single word OK." is 30 characters: about 8 tokens, plus 8 of chat format, plus 5 out.
        assertThat(TokenBudget.tokensPerProbe(chat)).isEqualTo(21);
        assertThat(TokenBudget.probesPerMonth(chat)).isEqualTo(86_400);
        assertThat(TokenBudget.tokensPerMonth(List.of(chat))).isEqualTo(21L * 86_400);
    }

    @Test
    void modelListsAreFreeAndEmbeddingsCostTheirInput() {
        TargetConfig models = Targets.target(BASE_URL, "m", CheckType.MODELS);
        TargetConfig embeddings = Targets.target(BASE_URL, "m", CheckType.EMBEDDINGS);

        assertThat(TokenBudget.tokensPerProbe(models)).isZero();
        assertThat(TokenBudget.tokensPerMonthWithOutage(models)).isZero();
        assertThat(TokenBudget.tokensPerProbe(embeddings)).isEqualTo(8);
    }

    @Test
    void aDayLongOutageProbesEveryFailingIntervalAndConfirmsEachScheduledFailure() {
        TargetConfig chat = chat(Duration.ofSeconds(30));

        // A day at 30 s is 2,880 slots; at the failing 6 s it is 14,400 probes, plus 2,880 confirmations.
        assertThat(TokenBudget.extraProbesInOutage(chat)).isEqualTo(14_400 - 2_880 + 2_880);
        assertThat(TokenBudget.tokensPerMonthWithOutage(chat)).isEqualTo(21L * (86_400 + 14_400));
        assertThat(TokenBudget.tokensPerMonthWithOutage(List.of(chat, chat))).isEqualTo(2 * 21L * 100_800);
    }

    @Test
    void theFailingCadenceNeverProbesFasterThanOnceASecond() {
        // At 2 s the fifth would be 400 ms: the floor keeps it at 1 s, 86,400 probes a day, plus 43,200 confirmations.
        assertThat(TokenBudget.extraProbesInOutage(chat(Duration.ofSeconds(2)))).isEqualTo(86_400 - 43_200 + 43_200);
        // At 1 s there is nothing faster to switch to, and no room for a confirmation.
        assertThat(TokenBudget.extraProbesInOutage(chat(Duration.ofSeconds(1)))).isZero();
    }

    @Test
    void withoutConfirmationsAnOutageCostsOnlyTheFasterCadence() {
        TargetConfig unconfirmed = chat(Duration.ofSeconds(30)).withConfirmAfter(Duration.ZERO);

        assertThat(TokenBudget.extraProbesInOutage(unconfirmed)).isEqualTo(14_400 - 2_880);
    }

    @Test
    void countsAreWrittenWithThousandsSeparators() {
        assertThat(TokenBudget.count(2_116_800)).isEqualTo("2,116,800");
    }

    static TargetConfig chat(Duration interval) {
        return Targets.withInterval(Targets.target(BASE_URL, "m", CheckType.CHAT_STREAM), interval);
    }
}
