package dev.llmuptime.aggregator;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmuptime.config.AggregationConfig;
import dev.llmuptime.config.Durations;
import dev.llmuptime.config.MonitorConfig;
import dev.llmuptime.config.TopicsConfig;
import dev.llmuptime.ops.Health;
import dev.llmuptime.ops.HttpAccess;
import dev.llmuptime.ops.OpsRoutes;
import dev.llmuptime.ops.ServiceLifecycle;
import dev.llmuptime.ops.TopicReadiness;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRoutes;

/**
 * The running aggregator: creates its topics (waiting for Kafka if need be), runs the Kafka
 * Streams application, and serves the dashboard, the JSON API, the public status page and badges,
 * {@code /metrics} and {@code /health}.
 */
public final class AggregatorService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AggregatorService.class);

    private final MonitorConfig config;
    private final String host;
    private final Clock clock;
    private final MeterRegistry registry;
    private final ServiceLifecycle lifecycle = new ServiceLifecycle("aggregator-streams");
    /** How long to wait for another instance before answering without it. */
    private static final Duration PEER_TIMEOUT = Duration.ofSeconds(2);
    /** Well under any sensible push step, and cheap: a few sketch merges per target. */
    private static final Duration TARGET_GAUGES_EVERY = Duration.ofSeconds(10);

    private volatile KafkaStreams streams;
    private DisposableServer http;
    private TopicReadiness topics;

    public AggregatorService(MonitorConfig config, String host, Clock clock, MeterRegistry registry) {
        this.config = config;
        this.host = host;
        this.clock = clock;
        this.registry = registry;
    }

    /** Serves the dashboard and the API, and runs Kafka Streams once its topics exist. */
    public void start() {
        lifecycle.start(this::open);
    }

    private void open() {
        AggregationConfig aggregation = config.aggregation();
        StatsQueries queries = new StatsQueries(() -> streams, aggregation.windows());
        refreshTargetGauges(new TargetGauges(queries, registry, clock));
        // Bound before Kafka Streams starts, so that an ephemeral port can be advertised to the other instances.
        AtomicReference<HostInfo> self = new AtomicReference<>();
        ClusterMetadata cluster = new ClusterMetadata(() -> streams, self::get);
        Peers peers = new Peers(PEER_TIMEOUT, config.http().token());
        ObjectMapper mapper = new ObjectMapper();
        StatsApi api = new StatsApi(queries, cluster, peers, mapper, clock);
        Map<String, Duration> rangeWindows = new LinkedHashMap<>();
        StatsApi.UPTIME_PERIODS.forEach(range -> rangeWindows.put(range.getKey(), queries.chartWindow(range.getValue())));
        // A day by default, as the dashboard always showed.
        Dashboard dashboard = new Dashboard(rangeWindows, "24h");
        RecentAlerts alerts = new RecentAlerts();
        AlertPanelRoutes alertPanel = new AlertPanelRoutes(alerts, mapper, clock);
        StatusRoutes status = new StatusRoutes(new PublicStatuses(queries, clock), alerts, cluster, peers, mapper,
                clock);
        HttpServerRoutes routes = alertPanel.addTo(status.addTo(dashboard.addTo(api.addTo(
                OpsRoutes.add(HttpServerRoutes.newRoutes(), registry, this::health)))));
        HttpAccess access = HttpAccess.of(config.http());
        if (config.http().publicStatus()) {
            access = access.leavingOpen(StatusRoutes::isPublic);
        }
        http = HttpServer.create().host(host).port(aggregation.httpPort()).handle(access.around(routes)).bindNow();
        lifecycle.onClose("HTTP server", () -> http.disposeNow(Duration.ofSeconds(5)));
        int advertisedPort = aggregation.advertisedPort() == 0 ? http.port() : aggregation.advertisedPort();
        self.set(new HostInfo(aggregation.advertisedUrl().getHost(), advertisedPort));
        Properties properties = new Properties();
        properties.putAll(StatsTopology.properties(config, advertisedPort));
        streams = new KafkaStreams(StatsTopology.build(config, new AggregatorMetrics(registry)), properties);
        // Leave the group, so a restarted instance gets its partitions at once, not after a session timeout.
        lifecycle.onClose("Kafka Streams", () -> streams.close(CloseOptions.timeout(Duration.ofSeconds(30))
                .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)));
        streams.setUncaughtExceptionHandler(failure -> {
            log.error("Kafka Streams thread failed; replacing it", failure);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        KafkaStreamsMetrics streamsMetrics = lifecycle.closeOnStop(new KafkaStreamsMetrics(streams));
        streamsMetrics.bindTo(registry);
        AlertsReader alertsReader = lifecycle.closeOnStop(new AlertsReader(config.kafka(), alerts, clock));
        TopicsConfig topicNames = config.kafka().topics();
        // The alerts topic is the alert consumer's to create: its reader waits for it.
        List<String> wanted = List.of(topicNames.probeResults(),
                TopicsConfig.deadLetterTopic(topicNames.probeResults()), topicNames.stats());
        topics = lifecycle.closeOnStop(TopicReadiness.start(config.kafka(), wanted, List.of(), Duration.ofSeconds(5),
                registry, () -> lifecycle.ifRunning(() -> {
                    streams.start();
                    alertsReader.start();
                })));
        log.info("Dashboard and API on http://{}:{}/ ; windows {} with grace {}", host, http.port(),
                config.aggregation().windows().stream().map(Durations::format).toList(),
                Durations.format(config.aggregation().grace()));
    }

    private void refreshTargetGauges(TargetGauges gauges) {
        ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "target-gauges");
            thread.setDaemon(true);
            return thread;
        });
        lifecycle.onClose("target gauges", refresher::shutdownNow);
        refresher.scheduleWithFixedDelay(() -> {
            try {
                gauges.refresh();
            } catch (RuntimeException e) {
                // A failed refresh must not end the schedule: the next one may succeed.
                log.warn("Target gauges not refreshed", e);
            }
        }, TARGET_GAUGES_EVERY.toMillis(), TARGET_GAUGES_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    public int httpPort() {
        return http.port();
    }

    public Health health() {
        return lifecycle.health(() -> {
            if (!topics.ready()) {
                return Health.down(topics.whyNotReady());
            }
            KafkaStreams.State state = streams.state();
            return state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING
                    ? Health.up("Kafka Streams " + state)
                    : Health.down("Kafka Streams " + state);
        });
    }

    public void awaitClosed() throws InterruptedException {
        lifecycle.awaitClosed();
    }

    @Override
    public void close() {
        lifecycle.close();
    }
}
