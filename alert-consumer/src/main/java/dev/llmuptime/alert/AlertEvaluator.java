package dev.llmuptime.alert;

import dev.llmuptime.config.MonitorConfig;
import dev.llmuptime.config.TopicsConfig;
import dev.llmuptime.ops.DeadLetter;
import dev.llmuptime.ops.GroupSession;
import dev.llmuptime.schema.AlertEvent;
import dev.llmuptime.schema.AlertEventSerde;
import dev.llmuptime.schema.RecordDecodingException;
import dev.llmuptime.schema.WindowStats;
import dev.llmuptime.schema.WindowStatsSerde;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongFunction;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the stats, runs the rules, and writes each transition to the alerts topic, with the
 * provider-down alerts of the providers it owns ({@link ProviderDown}) and the reminders, escalations,
 * releases and acknowledgements the {@link Notifier} decides, together with the new state and
 * the consumed offsets, in one Kafka transaction. Instances share the
 * stats partitions through the evaluator's consumer group; each restores the state of the partitions
 * it is assigned from the compacted state topic (see {@link OwnedPartitions}), so neither a restart
 * nor a move repeats or forgets a FIRING. Each instance has its own transactional id and commits its
 * offsets with the group's metadata, so the group's generation fences an instance that lost its
 * partitions (KIP-447) and instances never fence each other.
 */
final class AlertEvaluator implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(AlertEvaluator.class);

    private final MonitorConfig config;
    private final List<Rule> rules;
    private final Clock clock;
    private final MeterRegistry registry;
    private final StateTopic state;
    private final SharedView view;
    /** Consumer group shared by every instance: it splits the stats partitions among them. */
    private final String group;
    /** This instance's own: a stable prefix and a random part, unique per process. */
    private final String transactionalId;
    private final WindowStatsSerde statsSerde = new WindowStatsSerde();
    private final AlertEventSerde alertSerde = new AlertEventSerde();
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile OwnedPartitions ownership;
    private volatile boolean running = true;
    private volatile boolean healthy;

    /** {@code view} gives the acknowledgements and silences; the first decision waits until it was read. */
    AlertEvaluator(MonitorConfig config, List<Rule> rules, Clock clock, MeterRegistry registry, SharedView view) {
        this.config = config;
        this.view = view;
        this.rules = rules;
        this.clock = clock;
        this.registry = registry;
        this.state = new StateTopic(stateTopic(config));
        this.group = config.kafka().topics().alerts() + ".evaluator";
        this.transactionalId = group + "." + UUID.randomUUID();
    }

    static String stateTopic(MonitorConfig config) {
        return config.kafka().topics().alerts() + ".state";
    }

    boolean healthy() {
        return healthy;
    }

    /** The stats partitions this instance decides now. */
    List<Integer> ownedPartitions() {
        OwnedPartitions current = ownership;
        return current == null ? List.of() : current.owned();
    }

    @Override
    public void run() {
        RestartingLoop.run(() -> running, this::evaluate, () -> healthy = false, log,
                "Alert evaluation failed; restarting it from the committed state in 5 s");
    }

    void stop() {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    private void evaluate() {
        if (!awaitView()) {
            return;
        }
        TopicsConfig topics = config.kafka().topics();
        RuleEngine engine = new RuleEngine(rules, ConfiguredTargets.of(config));
        Notifier notifier = Notifier.of(config, rules, view.acks(), view.holds());
        ProviderDown providerDown = ProviderDown.of(config);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProperties(), new StringSerializer(),
                new ByteArraySerializer());
             KafkaConsumer<String, byte[]> stats = new KafkaConsumer<>(consumerProperties(group, "latest"),
                     new StringDeserializer(), new ByteArrayDeserializer());
             KafkaConsumer<String, byte[]> reader = new KafkaConsumer<>(consumerProperties(null, "earliest"),
                     new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer = stats;
            new KafkaClientMetrics(stats).bindTo(registry);
            producer.initTransactions();
            OwnedPartitions owned = new OwnedPartitions(stats, topics.stats(), reader, state, engine, notifier,
                    clock);
            ownership = owned;
            stats.subscribe(List.of(topics.stats()), owned);
            log.info("Evaluating {} rules on {} as {}", rules.size(), topics.stats(), transactionalId);
            while (running) {
                ConsumerRecords<String, byte[]> records = stats.poll(Duration.ofMillis(250));
                healthy = owned.assigned();
                if (!owned.assigned()) {
                    continue;
                }
                Decisions decisions = decide(engine, notifier, providers(providerDown, owned, notifier), records,
                        clock.millis());
                List<ProducerRecord<String, byte[]>> changes = state.changes(engine, notifier, owned.partitioner());
                if (!records.isEmpty() || !decisions.isEmpty() || !changes.isEmpty()) {
                    commit(producer, stats, records, decisions, changes);
                }
            }
        } finally {
            consumer = null;
            ownership = null;
        }
    }

    /** Whether every acknowledgement and silence is known, once they are or this evaluator is stopped. */
    private boolean awaitView() {
        try {
            while (running) {
                if (view.awaitCaughtUp(Duration.ofMillis(250))) {
                    return true;
                }
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The provider-down notices due at a time, on the providers this instance owns. */
    private LongFunction<List<Notice>> providers(ProviderDown providerDown, OwnedPartitions owned, Notifier notifier) {
        return now -> providerDown.decide(view.episodes().all(), owned::owns, notifier, now);
    }

    /**
     * Runs the rules on the polled stats, then the timers and the providers' state, and decides who is told of
     * the transitions and when again.
     */
    private Decisions decide(RuleEngine engine, Notifier notifier, LongFunction<List<Notice>> providers,
            ConsumerRecords<String, byte[]> records, long now) {
        List<Notice> notices = new ArrayList<>();
        List<ProducerRecord<String, byte[]>> deadLetters = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            if (record.value() == null) {
                continue;
            }
            try {
                WindowStats windowStats = statsSerde.deserializer().deserialize(record.topic(), record.value());
                notices.addAll(notifier.onTransitions(engine.onStats(windowStats, now), engine::regionOfEpisode, now));
            } catch (RecordDecodingException e) {
                deadLetters.add(deadLetter(record, e));
            }
        }
        notices.addAll(notifier.onTransitions(engine.onTick(now), engine::regionOfEpisode, now));
        notices.addAll(providers.apply(now));
        notices.addAll(notifier.onTick(now));
        // An acknowledgement is done with once its alert resolved.
        List<ProducerRecord<String, byte[]>> settled = notifier.drainSettledAcknowledgements().stream()
                .map(alertId -> new ProducerRecord<String, byte[]>(SharedView.acksTopic(config), alertId, null)).toList();
        return new Decisions(notices, deadLetters, settled);
    }

    /**
     * Writes the transitions and notices, the dead letters and the new state together with the consumed
     * offsets, in one transaction; counts them once it committed.
     */
    private void commit(KafkaProducer<String, byte[]> producer, KafkaConsumer<String, byte[]> stats,
            ConsumerRecords<String, byte[]> records, Decisions decisions, List<ProducerRecord<String, byte[]>> changes) {
        producer.beginTransaction();
        decisions.notices().forEach(notice -> producer.send(alert(notice)));
        decisions.deadLetters().forEach(producer::send);
        decisions.settledAcknowledgements().forEach(producer::send);
        changes.forEach(producer::send);
        producer.sendOffsetsToTransaction(offsets(records), stats.groupMetadata());
        producer.commitTransaction();
        decisions.notices().forEach(this::count);
    }

    private ProducerRecord<String, byte[]> alert(Notice notice) {
        AlertEvent event = notice.event();
        log.info("{} {}{}{}", event.getStatus(), event.getSummary(),
                notice.kind() == NoticeKind.TRANSITION ? "" : " (" + notice.kind().header() + ")",
                notice.heldBy() == null ? "" : " (held: " + notice.heldBy() + ")");
        RecordHeaders headers = new RecordHeaders();
        NoticeHeaders.write(notice, headers);
        String topic = config.kafka().topics().alerts();
        return new ProducerRecord<>(topic, null, event.getEmittedAt().toEpochMilli(), event.getTargetId(),
                alertSerde.serializer().serialize(topic, event), headers);
    }

    private ProducerRecord<String, byte[]> deadLetter(ConsumerRecord<String, byte[]> record, RecordDecodingException e) {
        Counter.builder("llm.alert.stats.dead.letters").description("Stats records that could not be decoded")
                .register(registry).increment();
        return DeadLetter.undecodable(record, e).toRecord();
    }

    private void count(Notice notice) {
        AlertEvent event = notice.event();
        if (notice.kind() == NoticeKind.TRANSITION) {
            Counter.builder("llm.alerts").description("Alert transitions written, by rule, target, severity and status")
                    .tag("rule", event.getRule()).tag("target", event.getTargetId())
                    .tag("severity", event.getSeverity()).tag("status", event.getStatus().name())
                    .register(registry).increment();
        } else {
            Counter.builder("llm.alert.notices").description("Reminders, escalations and releases written")
                    .tag("rule", event.getRule()).tag("kind", notice.kind().header()).register(registry).increment();
        }
    }

    private static Map<TopicPartition, OffsetAndMetadata> offsets(ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<String, byte[]>> inPartition = records.records(partition);
            offsets.put(partition, new OffsetAndMetadata(inPartition.get(inPartition.size() - 1).offset() + 1));
        }
        return offsets;
    }

    private Map<String, Object> producerProperties() {
        Map<String, Object> properties = new HashMap<>(config.kafka().clientProperties());
        properties.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        // A crashed instance's open transaction holds back its partitions' new owner until it times out.
        properties.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 10_000);
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        return properties;
    }

    private Map<String, Object> consumerProperties(String group, String reset) {
        Map<String, Object> properties = new HashMap<>(config.kafka().clientProperties());
        if (group != null) {
            properties.put(ConsumerConfig.GROUP_ID_CONFIG, group);
            // Only the partitions that move change hands; the others keep their state and timers.
            properties.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
            GroupSession.withTimeout(properties);
        }
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, reset);
        return properties;
    }

    /**
     * What one poll decided: the transitions and notices, the stats records that could not be read, and
     * the tombstones of the acknowledgements of resolved alerts.
     */
    private record Decisions(List<Notice> notices, List<ProducerRecord<String, byte[]>> deadLetters,
            List<ProducerRecord<String, byte[]>> settledAcknowledgements) {

        boolean isEmpty() {
            return notices.isEmpty() && deadLetters.isEmpty() && settledAcknowledgements.isEmpty();
        }
    }
}
