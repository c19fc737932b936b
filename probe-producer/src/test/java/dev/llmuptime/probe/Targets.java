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

    /** The key of every test target. */
    static final String KEY = "sk-test-secret-key-123456";

    private Targets() {
    }

    static TargetConfig target(String baseUrl, String model, CheckType check) {
        return new TargetConfig(model + "-" + check.configName(), Provider.OPENAI_COMPATIBLE, URI.create(baseUrl),
                Secret.of(KEY), model, check, Duration.ofSeconds(2), Duration.ofSeconds(2),
                5, "Reply with the single word OK.", ExpectConfig.NONE);
    }

    /** A target of {@code provider} at {@code baseUrl}, with a key. */
    static TargetConfig target(Provider provider, String baseUrl, String model, CheckType check) {
        return new TargetConfig(provider.configName() + "-" + model + "-" + check.configName(), provider,
                URI.create(baseUrl), Secret.of(KEY), model, check, Duration.ofSeconds(2), Duration.ofSeconds(2), 5,
                "Reply with the single word OK.", ExpectConfig.NONE);
    }

    /** An Azure OpenAI deployment at {@code endpoint}, with a key and the default API version. */
    static TargetConfig azure(String endpoint, String deployment, CheckType check) {
        return new TargetConfig("azure-" + deployment + "-" + check.configName(), Provider.AZURE_OPENAI,
                URI.create(endpoint), Secret.of(KEY), null, deployment, deployment, null, check, Duration.ofSeconds(2),
                Duration.ofSeconds(2), null, null, null, null, 5, "Reply with the single word OK.", ExpectConfig.NONE,
                false);
    }

    static TargetConfig withoutKey(TargetConfig target) {
        return new TargetConfig(target.id(), target.provider(), target.baseUrl(), Secret.none(), target.headers(),
                target.model(), target.deployment(), target.apiVersion(), target.check(), target.interval(),
                target.timeout(), target.confirmAfter(), target.failingInterval(), target.maxBackoff(),
                target.breakerMaxInterval(), target.maxTokens(), target.prompt(), target.expect(), target.optional());
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
