package dev.llmuptime.probe;

import dev.llmuptime.config.CheckType;
import dev.llmuptime.config.ExpectConfig;
import dev.llmuptime.config.Provider;
import dev.llmuptime.config.Secret;
import dev.llmuptime.config.TargetConfig;
import java.net.URI;
import java.time.Duration;

/** Targets for tests, pointing at a local server. */
final class Targets {

    private Targets() {
    }

    static TargetConfig target(String baseUrl, String model, CheckType check) {
        return new TargetConfig(model + "-" + check.configName(), Provider.OPENAI_COMPATIBLE, URI.create(baseUrl),
                Secret.of("sk-test-secret-key-123456"), model, check, Duration.ofSeconds(2), Duration.ofSeconds(2),
                5, "Reply with the single word OK.", ExpectConfig.NONE);
    }

    static TargetConfig withTimeout(TargetConfig target, Duration timeout) {
        return new TargetConfig(target.id(), target.provider(), target.baseUrl(), target.apiKey(), target.model(),
                target.check(), target.interval(), timeout, target.maxTokens(), target.prompt(), target.expect());
    }

    static TargetConfig withExpect(TargetConfig target, ExpectConfig expect) {
        return new TargetConfig(target.id(), target.provider(), target.baseUrl(), target.apiKey(), target.model(),
                target.check(), target.interval(), target.timeout(), target.maxTokens(), target.prompt(), expect);
    }

    static TargetConfig withInterval(TargetConfig target, Duration interval) {
        return new TargetConfig(target.id(), target.provider(), target.baseUrl(), target.apiKey(), target.model(),
                target.check(), interval, interval, target.maxTokens(), target.prompt(), target.expect());
    }
}
