package dev.llmuptime.alert;

import dev.llmuptime.config.MonitorConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every instance knows of all of them: the acknowledgements, the silences and the firing
 * episodes, tailed whole from their compacted topics ({@code <alerts>.acks}, {@code <alerts>.silences},
 * {@code <alerts>.state}) without a consumer group. The evaluator waits until they are read to the
 * end they had at start, so its first decision already knows every acknowledgement and silence.
 */
final class SharedView implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(SharedView.class);

    private final MonitorConfig config;
    private final String stateTopic;
    private final String acksTopic;
    private final String silencesTopic;
    private final ControlCodec codec = new ControlCodec();
    private final StateCodec stateCodec = new StateCodec();
    private final LatestByKey<Acknowledgement> acks = new LatestByKey<>();
    private final SilenceBook silences = new SilenceBook();
    private final LatestByKey<Episode> episodes = new LatestByKey<>();
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile boolean running = true;

    SharedView(MonitorConfig config) {
        this.config = config;
        this.stateTopic = AlertEvaluator.stateTopic(config);
        this.acksTopic = acksTopic(config);
        this.silencesTopic = silencesTopic(config);
    }

    static String acksTopic(MonitorConfig config) {
        return config.kafka().topics().alerts() + ".acks";
    }

    static String silencesTopic(MonitorConfig config) {
        return config.kafka().topics().alerts() + ".silences";
    }

    /** The acknowledgements, by alert id. */
    Acknowledgements acks() {
        return acks::get;
    }

    SilenceBook silences() {
        return silences;
    }

    /** What holds alerts back besides the config's maintenance windows: silences, then inhibition when it is on. */
    Holds holds() {
        return config.alerts().inhibit().enabled() ? silences.orElse(new Inhibition(episodes::all)) : silences;
    }

    /** The firing alerts' episodes, by alert id. */
    LatestByKey<Episode> episodes() {
        return episodes;
    }

    /** Whether the topics were read to the end they had when tailing began. */
    boolean caughtUp() {
        return caughtUp.getCount() == 0;
    }

    /** Waits up to {@code timeout} for {@link #caughtUp()}. */
    boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void run() {
        RestartingLoop.run(() -> running, this::tail, () -> { }, log,
                "Reading acknowledgements, silences and episodes failed; reading them again in 5 s");
    }

    void stop() {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    private void tail() {
        try (KafkaConsumer<String, byte[]> tail = new KafkaConsumer<>(CommittedReader.properties(config),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer = tail;
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(acksTopic, silencesTopic, stateTopic)) {
                for (PartitionInfo partition : tail.partitionsFor(topic)) {
                    partitions.add(new TopicPartition(topic, partition.partition()));
                }
            }
            tail.assign(partitions);
            tail.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(tail.endOffsets(partitions));
            while (running) {
                for (ConsumerRecord<String, byte[]> record : tail.poll(Duration.ofMillis(250))) {
                    apply(record);
                }
                if (!caughtUp() && end.entrySet().stream().allMatch(at -> tail.position(at.getKey()) >= at.getValue())) {
                    log.info("Read {} acknowledgements, {} silences and {} firing alerts", acks.all().size(),
                            silences.all().size(), episodes.all().size());
                    caughtUp.countDown();
                }
            }
        } finally {
            consumer = null;
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        byte[] value = record.value();
        try {
            if (record.topic().equals(acksTopic)) {
                acks.put(record.key(), value == null ? null : codec.decodeAcknowledgement(value));
            } else if (record.topic().equals(silencesTopic)) {
                silences.put(record.key(), value == null ? null : codec.decodeSilence(value));
            } else if (StateKey.parse(record.key()).orElse(null) instanceof StateKey.EpisodeOf episode) {
                episodes.put(episode.alertId(), value == null ? null : stateCodec.decodeEpisode(value));
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Skipped record {}-{}@{} that could not be read: {}", record.topic(), record.partition(),
                    record.offset(), e.toString());
        }
    }
}
