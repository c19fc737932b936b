package dev.llmuptime.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.TimeWindows;

/**
 * The reference the aggregator benchmark compares against: a plain Kafka Streams exactly-once
 * windowed count with default settings, {@code groupByKey().windowedBy(1 minute).count()}, one
 * window per record, its counts written to {@code OUTPUT}. Runs until it is stopped:
 * {@code windowed-count BOOTSTRAP TOPIC OUTPUT APPLICATION_ID STATE_DIR}.
 */
final class WindowedCountReference {

    private static final Operand TOPIC = Operand.required("TOPIC", "topic of probe results to count");
    private static final Operand OUTPUT = Operand.required("OUTPUT", "topic the counts are written to");
    private static final Operand APPLICATION_ID = Operand.required("APPLICATION_ID", "Kafka Streams application id");
    private static final Operand STATE_DIR = Operand.required("STATE_DIR", "Kafka Streams state directory");

    static final Subcommand COMMAND = new Subcommand("windowed-count",
            "Counts the records of TOPIC per key in 1-minute windows with Kafka Streams, exactly once, until stopped.",
            List.of(Operand.BOOTSTRAP, TOPIC, OUTPUT, APPLICATION_ID, STATE_DIR),
            (arguments, out) -> run(arguments.text(Operand.BOOTSTRAP), arguments.text(TOPIC), arguments.text(OUTPUT),
                    arguments.text(APPLICATION_ID), arguments.path(STATE_DIR)));

    /** The same grace as the aggregator's, so both keep a window open equally long. */
    private static final Duration GRACE = Duration.ofSeconds(10);

    private WindowedCountReference() {
    }

    static Topology topology(String topic, String output) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(topic, Consumed.with(Serdes.String(), Serdes.ByteArray()))
                .groupByKey()
                .windowedBy(TimeWindows.ofSizeAndGrace(Duration.ofMinutes(1), GRACE))
                .count()
                .toStream((window, count) -> window.key())
                .to(output, Produced.with(Serdes.String(), Serdes.Long()));
        return builder.build();
    }

    private static void run(String bootstrap, String topic, String output, String applicationId, Path stateDir)
            throws InterruptedException {
        Properties properties = new Properties();
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        CountDownLatch stopped = new CountDownLatch(1);
        try (KafkaStreams streams = new KafkaStreams(topology(topic, output), properties)) {
            streams.setStateListener((now, before) -> {
                if (now == KafkaStreams.State.ERROR || now == KafkaStreams.State.NOT_RUNNING) {
                    stopped.countDown();
                }
            });
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
            streams.start();
            stopped.await();
        }
    }
}
