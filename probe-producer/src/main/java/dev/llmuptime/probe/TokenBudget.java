package dev.llmuptime.probe;

import dev.llmuptime.config.TargetConfig;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * What the configured probes will cost in tokens per 30 days, so nobody is surprised by the bill.
 * An estimate: about 4 characters per token plus the chat format's overhead, and every output
 * token used. A healthy month costs the scheduled probes only, since extra probes run only while
 * a target fails. A day-long outage adds, for that day, the failing cadence (a probe every
 * failing-interval instead of every interval) and the confirmation of each failed scheduled
 * probe. Backoff only ever lengthens the wait, so it is left out: the figures are an upper bound.
 */
final class TokenBudget {

    static final Duration MONTH = Duration.ofDays(30);
    static final Duration OUTAGE = Duration.ofDays(1);
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

    /** Probes a day-long outage adds to the scheduled ones: the faster cadence, and the confirmations. */
    static long extraProbesInOutage(TargetConfig target) {
        long scheduled = OUTAGE.toMillis() / target.interval().toMillis();
        long failing = OUTAGE.toMillis() / target.failingInterval().toMillis();
        long confirmations = target.confirmAfter().isZero() ? 0 : scheduled;
        return failing - scheduled + confirmations;
    }

    /** A healthy month of {@code target}. */
    static long tokensPerMonth(TargetConfig target) {
        return tokensPerProbe(target) * probesPerMonth(target);
    }

    /** A month of {@code target} with one day-long outage. */
    static long tokensPerMonthWithOutage(TargetConfig target) {
        return tokensPerProbe(target) * (probesPerMonth(target) + extraProbesInOutage(target));
    }

    static long tokensPerMonth(List<TargetConfig> targets) {
        return sum(targets, TokenBudget::tokensPerMonth);
    }

    /** A month in which every target is down for a whole day: what a budget is checked against. */
    static long tokensPerMonthWithOutage(List<TargetConfig> targets) {
        return sum(targets, TokenBudget::tokensPerMonthWithOutage);
    }

    /** {@code tokens} with thousands separators, e.g. {@code 1,814,400}. */
    static String count(long tokens) {
        return String.format(Locale.ROOT, "%,d", tokens);
    }

    private static long sum(List<TargetConfig> targets, ToLongFunction<TargetConfig> tokens) {
        return targets.stream().mapToLong(tokens).sum();
    }
}
