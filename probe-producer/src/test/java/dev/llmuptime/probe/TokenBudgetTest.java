package dev.llmuptime.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmuptime.config.CheckType;
import dev.llmuptime.config.TargetConfig;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenBudgetTest {

    @Test
    void chatProbesCostPromptOverheadAndOutput() {
        TargetConfig chat = Targets.withInterval(Targets.target("http://127.0.0.1:1/v1", "m", CheckType.CHAT_STREAM),
                Duration.ofSeconds(30));

        // "Reply with the single word OK." is 30 characters: about 8 tokens, plus 8 of chat format, plus 5 out.
        assertThat(TokenBudget.tokensPerProbe(chat)).isEqualTo(21);
        assertThat(TokenBudget.probesPerMonth(chat)).isEqualTo(86_400);
        assertThat(TokenBudget.tokensPerMonth(List.of(chat))).isEqualTo(21L * 86_400);
    }

    @Test
    void modelListsAreFreeAndEmbeddingsCostTheirInput() {
        TargetConfig models = Targets.target("http://127.0.0.1:1/v1", "m", CheckType.MODELS);
        TargetConfig embeddings = Targets.target("http://127.0.0.1:1/v1", "m", CheckType.EMBEDDINGS);

        assertThat(TokenBudget.tokensPerProbe(models)).isZero();
        assertThat(TokenBudget.tokensPerProbe(embeddings)).isEqualTo(8);
    }
}
