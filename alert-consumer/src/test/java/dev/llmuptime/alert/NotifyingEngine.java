package dev.llmuptime.alert;

import dev.llmuptime.config.ConfigLoader;
import dev.llmuptime.config.MonitorConfig;
import dev.llmuptime.schema.WindowStats;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The evaluator's decisions without a broker: the rules and the notifier of one config, in virtual time. */
final class NotifyingEngine {

    private final RuleEngine engine;
    private final Notifier notifier;
    private long now;

    /** Starts at {@code start}; {@code acknowledgements} say which firing alerts someone took on, {@code silences} what they hold. */
    NotifyingEngine(String yaml, Instant start, Acknowledgements acknowledgements, Holds silences) {
        MonitorConfig config = new ConfigLoader(name -> null).parse(yaml, "test.yaml");
        List<Rule> rules = Rules.compile(config);
        this.engine = new RuleEngine(rules, ConfiguredTargets.of(config));
        this.notifier = Notifier.of(config, rules, acknowledgements, silences);
        this.now = start.toEpochMilli();
    }

    /** Nobody acknowledges, nothing is silenced. */
    NotifyingEngine(String yaml, Instant start) {
        this(yaml, start, alertId -> Optional.empty(), (labels, at) -> Optional.empty());
    }

    Notifier notifier() {
        return notifier;
    }

    Instant now() {
        return Instant.ofEpochMilli(now);
    }

    /** What the evaluator writes on reading {@code stats} now. */
    List<Notice> read(WindowStats stats) {
        return notifier.onTransitions(engine.onStats(stats, now), engine::regionOfEpisode, now);
    }

    /** What the evaluator writes while {@code duration} passes, polling every second as it does. */
    List<Notice> pass(Duration duration) {
        List<Notice> notices = new ArrayList<>();
        long until = now + duration.toMillis();
        while (now < until) {
            now = Math.min(until, now + 1000);
            notices.addAll(notifier.onTransitions(engine.onTick(now), engine::regionOfEpisode, now));
            notices.addAll(notifier.onTick(now));
        }
        return notices;
    }
}
