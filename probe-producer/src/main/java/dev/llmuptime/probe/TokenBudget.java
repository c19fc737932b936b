package dev.llmuptime.probe;

import dev.llmuptime.config.TargetConfig;
import java.time.Duration;
import java.util.List;

/**
 * What the configured probes will cost in tokens, so nobody is surprised by the bill. An estimate:
 * about 4 characters per token plus the chat format's overhead, and every output token used.
 */
final class TokenBudget {

    private static final Duration MONTH = Duration.ofDays(30);
    private static final int CHAT_OVERHEAD_TOKENS = 8;

    private TokenBudget() {
    }

    static long tokensPerProbe(TargetConfig target) {
        long promptTokens = Math.max(1, Math.round(target.prompt().length() / 4.0));
        return switch (target.check()) {
            case MODELS -> 0;
            case EMBEDDINGS -> promptTokens;
            case CHAT, CHAT_STREAM -> promptTokens + CHAT_OVERHEAD_TOKENS + target.maxTokens();
        };
    }

    static long probesPerMonth(TargetConfig target) {
        return MONTH.toMillis() / target.interval().toMillis();
    }

    static long tokensPerMonth(List<TargetConfig> targets) {
        return targets.stream().mapToLong(target -> tokensPerProbe(target) * probesPerMonth(target)).sum();
    }
}
