package dev.llmuptime.alert;

import dev.llmuptime.config.ConfigLoader;
import dev.llmuptime.config.MonitorConfig;
import dev.llmuptime.schema.WindowStats;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * One evaluator instance without a broker, in virtual time: the rules, the provider-down alerts and the
 * notifier of one config, as the evaluator runs them each poll. What each poll changes goes to an
 * in-memory compacted state topic, and the shared view of firing alerts is read from it, as every
 * instance tails it; a restart builds everything again from that topic, as an assigned partition does.
 */
final class InhibitingEngine {

    private final TargetPartitioner partitioner = new TargetPartitioner(1);
    private final StateCodec codec = new StateCodec();
    /** The state topic, compacted: the latest value by key. */
    private final Map<String, byte[]> stateTopic = new LinkedHashMap<>();
    private SharedView view;
    private RuleEngine engine;
    private Notifier notifier;
    private ProviderDown providerDown;
    private StateTopic state;
    private long now;

    InhibitingEngine(String yaml, Instant start) {
        this.now = start.toEpochMilli();
        start(yaml);
    }

    /** What the evaluator writes on reading {@code stats} now. */
    List<Notice> read(WindowStats stats) {
        List<Notice> notices = notifier.onTransitions(engine.onStats(stats, now), engine::regionOfEpisode, now);
        commit();
        return notices;
    }

    /** What the evaluator writes while {@code duration} passes, polling every second. */
    List<Notice> pass(Duration duration) {
        List<Notice> notices = new ArrayList<>();
        for (long until = now + duration.toMillis(); now < until; ) {
            now = Math.min(until, now + 1000);
            notices.addAll(poll());
        }
        return notices;
    }

    /** One poll without stats, in the evaluator's order: the rules' timers, the providers, the notifier's timers. */
    private List<Notice> poll() {
        List<Notice> notices = new ArrayList<>(notifier.onTransitions(engine.onTick(now), engine::regionOfEpisode, now));
        notices.addAll(providerDown.decide(view.episodes().all(), provider -> true, notifier, now));
        notices.addAll(notifier.onTick(now));
        commit();
        return notices;
    }

    /** Stops this instance and starts it again with {@code yaml}, restoring its state from the state topic. */
    void restart(String yaml) {
        start(yaml);
        stateTopic.forEach((key, value) -> {
            StateKey parsed = StateKey.parse(key).orElseThrow();
            if (parsed instanceof StateKey.Alert alert) {
                engine.restore(alert.ruleTarget(), codec.decodeAlert(value));
            } else if (parsed instanceof StateKey.Seen seen) {
                engine.restoreSeen(seen.targetId(), codec.decodeSeen(value));
            } else if (parsed instanceof StateKey.EpisodeOf episode) {
                notifier.restore(episode.alertId(), codec.decodeEpisode(value));
            }
        });
        engine.drainChangedStates();
        engine.drainChangedSeen();
        notifier.drainChanged();
    }

    /** The firing alerts as every instance sees them. */
    List<Episode> firing() {
        return view.episodes().all();
    }

    /** A new instance of {@code yaml}: its shared view reads the state topic as it is. */
    private void start(String yaml) {
        MonitorConfig config = new ConfigLoader(name -> null).parse(yaml, "test.yaml");
        List<Rule> rules = Rules.compile(config);
        engine = new RuleEngine(rules, ConfiguredTargets.of(config));
        view = new SharedView(config);
        stateTopic.forEach((key, value) -> {
            if (StateKey.parse(key).orElseThrow() instanceof StateKey.EpisodeOf episode) {
                view.episodes().put(episode.alertId(), codec.decodeEpisode(value));
            }
        });
        notifier = Notifier.of(config, rules, alertId -> Optional.empty(), view.holds());
        providerDown = ProviderDown.of(config);
        state = new StateTopic("alerts.state");
    }

    /** Writes what the poll changed to the state topic, and the view reads it. */
    private void commit() {
        for (ProducerRecord<String, byte[]> record : state.changes(engine, notifier, partitioner)) {
            if (record.value() == null) {
                stateTopic.remove(record.key());
            } else {
                stateTopic.put(record.key(), record.value());
            }
            if (StateKey.parse(record.key()).orElseThrow() instanceof StateKey.EpisodeOf episode) {
                view.episodes().put(episode.alertId(), record.value() == null ? null
                        : codec.decodeEpisode(record.value()));
            }
        }
    }
}
