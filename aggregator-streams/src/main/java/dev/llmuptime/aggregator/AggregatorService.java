package dev.llmuptime.aggregator;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmuptime.config.MonitorConfig;
import dev.llmuptime.config.TopicsConfig;
import dev.llmuptime.ops.Health;
import dev.llmuptime.ops.OpsRoutes;
import dev.llmuptime.ops.TopicSetup;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The running aggregator: creates its topics (waiting for Kafka if need be), runs the Kafka
 * Streams application, and serves the dashboard, the JSON API, {@code /metrics} and {@code /health}.
 */
public final class AggregatorService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AggregatorService.class);

    private final MonitorConfig config;
    private final KafkaStreams streams;
    private final DisposableServer http;
    private final Disposable topicSetup;
    private final KafkaStreamsMetrics streamsMetrics;
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile boolean topicsReady;

    private AggregatorService(MonitorConfig config, String host, Clock clock, PrometheusMeterRegistry registry) {
        this.config = config;
        Properties properties = new Properties();
        properties.putAll(StatsTopology.properties(config));
        this.streams = new KafkaStreams(StatsTopology.build(config, new AggregatorMetrics(registry)), properties);
        streams.setUncaughtExceptionHandler(failure -> {
            log.error("Kafka Streams thread failed; replacing it", failure);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        this.streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(registry);
        StatsQueries queries = new StatsQueries(streams, config.aggregation().windows());
        StatsApi api = new StatsApi(queries, new ObjectMapper(), clock);
        Dashboard dashboard = new Dashboard(queries.chartWindow());
        this.http = HttpServer.create().host(host).port(config.aggregation().httpPort())
                .route(routes -> dashboard.addTo(api.addTo(OpsRoutes.add(routes, registry, this::health))))
                .bindNow();
        TopicsConfig topics = config.kafka().topics();
        this.topicSetup = TopicSetup.ensure(config.kafka(), List.of(topics.probeResults(),
                        TopicsConfig.deadLetterTopic(topics.probeResults()), topics.stats()), Duration.ofSeconds(5))
                .subscribe(done -> { }, failure -> { }, this::startStreams);
        log.info("Dashboard and API on http://{}:{}/ ; windows {} with grace {}", host, http.port(),
                config.aggregation().windows().stream().map(dev.llmuptime.config.Durations::format).toList(),
                dev.llmuptime.config.Durations.format(config.aggregation().grace()));
    }

    public static AggregatorService start(MonitorConfig config, String host, Clock clock, PrometheusMeterRegistry registry) {
        return new AggregatorService(config, host, clock, registry);
    }

    public int httpPort() {
        return http.port();
    }

    KafkaStreams.State state() {
        return streams.state();
    }

    public Health health() {
        if (!topicsReady) {
            return Health.down("Kafka at " + config.kafka().bootstrapServers() + " not reachable yet");
        }
        KafkaStreams.State state = streams.state();
        return state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING
                ? Health.up("Kafka Streams " + state)
                : Health.down("Kafka Streams " + state);
    }

    public void awaitClosed() throws InterruptedException {
        closed.await();
    }

    @Override
    public synchronized void close() {
        if (closed.getCount() == 0) {
            return;
        }
        topicSetup.dispose();
        // Leave the group, so a restarted instance gets its partitions at once, not after a session timeout.
        streams.close(CloseOptions.timeout(Duration.ofSeconds(30))
                .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
        streamsMetrics.close();
        http.disposeNow(Duration.ofSeconds(5));
        log.info("Stopped");
        closed.countDown();
    }

    private synchronized void startStreams() {
        if (closed.getCount() == 0) {
            return;
        }
        topicsReady = true;
        streams.start();
    }
}
