package dev.llmuptime.local;

import dev.llmuptime.config.CheckType;
import dev.llmuptime.config.ConfigLoader;
import dev.llmuptime.config.ExpectConfig;
import dev.llmuptime.config.MonitorConfig;
import dev.llmuptime.config.ProbesConfig;
import dev.llmuptime.config.Provider;
import dev.llmuptime.config.Secret;
import dev.llmuptime.config.TargetConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The configuration the local stack runs with when none is given: examples/local.yaml, bundled
 * in the jar. With OPENAI_API_KEY set, the real OpenAI API is probed too.
 */
final class LocalConfig {

    static final String OPENAI_TARGET = "openai-gpt-4o-mini-chat-stream";

    private LocalConfig() {
    }

    static MonitorConfig bundled(Function<String, String> env) {
        try (InputStream in = LocalConfig.class.getResourceAsStream("local.yaml")) {
            String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return withOpenAi(new ConfigLoader(env).parse(yaml, "examples/local.yaml (bundled)"), env);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds a streamed-chat probe of OpenAI's gpt-4o-mini when a key is set and no OpenAI target is configured. */
    static MonitorConfig withOpenAi(MonitorConfig config, Function<String, String> env) {
        String key = env.apply("OPENAI_API_KEY");
        boolean hasOpenAi = config.probes().targets().stream().anyMatch(t -> t.provider() == Provider.OPENAI);
        if (key == null || key.isBlank() || hasOpenAi) {
            return config;
        }
        List<TargetConfig> targets = new ArrayList<>(config.probes().targets());
        targets.add(new TargetConfig(OPENAI_TARGET, Provider.OPENAI, null, Secret.of(key), "gpt-4o-mini",
                CheckType.CHAT_STREAM, Duration.ofSeconds(30), Duration.ofSeconds(20), 5, null,
                new ExpectConfig("(?i)\\bok\\b", Duration.ofSeconds(10))));
        ProbesConfig probes = config.probes().withTargets(targets);
        return new MonitorConfig(config.kafka(), probes, config.aggregation(), config.alerts(), config.http(),
                config.metrics());
    }
}
