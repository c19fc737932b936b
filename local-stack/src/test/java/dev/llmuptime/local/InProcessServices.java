package dev.llmuptime.local;

import dev.llmuptime.aggregator.AggregatorService;
import dev.llmuptime.alert.AlertService;
import dev.llmuptime.config.MonitorConfig;
import dev.llmuptime.ops.Metrics;
import dev.llmuptime.probe.ProbeService;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/** The services started in this JVM on 127.0.0.1, each with its own registry; closed in reverse order of start. */
final class InProcessServices implements AutoCloseable {

    private static final String HOST = "127.0.0.1";

    private final Deque<AutoCloseable> started = new ArrayDeque<>();

    AggregatorService aggregator(MonitorConfig config) {
        return started(new AggregatorService(config, HOST, Clock.systemUTC(), Metrics.newRegistry("aggregator-streams")),
                AggregatorService::start);
    }

    AlertService alerting(MonitorConfig config) {
        return started(new AlertService(config, HOST, Clock.systemUTC(), Metrics.newRegistry("alert-consumer")),
                AlertService::start);
    }

    ProbeService prober(MonitorConfig config) {
        return started(new ProbeService(config, HOST, Clock.systemUTC(), Metrics.newRegistry("probe-producer")),
                ProbeService::start);
    }

    @Override
    public void close() throws Exception {
        while (!started.isEmpty()) {
            started.pop().close();
        }
    }

    private <T extends AutoCloseable> T started(T service, Consumer<T> start) {
        started.push(service);
        start.accept(service);
        return service;
    }
}
