package dev.llmuptime.testkit;

import dev.llmuptime.embedded.kafka.FreePort;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Probers, aggregators and alert consumers of one {@link ClusterSpec} as separate processes from
 * the packaged jars: each instance gets its configuration file, a free port and (aggregators) a
 * state directory of its own in the work directory. Closing kills every instance still running.
 */
public final class ServiceCluster implements AutoCloseable {

    private final Path repo;
    private final Path work;
    private final ClusterSpec spec;
    private final List<String> jvmOptions;
    private final List<ServiceProcess> instances = new ArrayList<>();

    public ServiceCluster(Path repo, Path work, ClusterSpec spec, List<String> jvmOptions) throws IOException {
        this.repo = repo;
        this.work = Files.createDirectories(work);
        this.spec = spec;
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    public ClusterSpec spec() {
        return spec;
    }

    public Path work() {
        return work;
    }

    /** A prober named {@code proberId} in the cluster's region, its probe timeout the interval; not started. */
    public ServiceProcess prober(String proberId) throws IOException {
        int port = FreePort.pick();
        String targets = spec.targetModels().entrySet().stream().map(target -> ("    - {id: %s, provider: "
                + "openai-compatible, base-url: \"%s\", model: %s, check: chat, interval: %s, timeout: %s}\n")
                .formatted(target.getKey(), spec.simBaseUrl(), target.getValue(), millis(spec.interval()),
                        millis(spec.interval())))
                .collect(Collectors.joining());
        String yaml = kafka(Map.of()) + """
                probes:
                  region: %s
                  prober-id: %s
                  http-port: %d
                  targets:
                """.formatted(spec.region(), proberId, port) + targets;
        return instance("probe-producer", proberId, yaml, port);
    }

    /** An aggregator that advertises its own port and keeps its state in {@code <name>-state}; not started. */
    public ServiceProcess aggregator(String name) throws IOException {
        int port = FreePort.pick();
        Map<String, String> client = new LinkedHashMap<>(spec.groupClient());
        client.put("application.id", spec.name() + ".aggregator");
        String yaml = kafka(client) + """
                aggregation:
                  windows: [1m]
                  grace: %s
                  http-port: %d
                  advertised-url: http://127.0.0.1:%d
                  state-dir: "%s"
                  standby-replicas: 1
                """.formatted(millis(spec.grace()), port, port, work.resolve(name + "-state"));
        return instance("aggregator-streams", name, yaml, port);
    }

    /** An alert consumer with the rule "down" (two failures in a row; two successes resolve) and one webhook. */
    public ServiceProcess alertConsumer(String name) throws IOException {
        int port = FreePort.pick();
        String yaml = kafka(spec.groupClient()) + """
                alerts:
                  http-port: %d
                  rules:
                    - {name: down, window: 1m, condition: consecutive-failures >= 2,
                       resolve-when: consecutive-successes >= 2, severity: critical}
                  webhooks:
                    - {name: ops, url: "%s"}
                """.formatted(port, spec.webhookUrl());
        return instance("alert-consumer", name, yaml, port);
    }

    /**
     * Creates the cluster's results, stats and alerts topics with its partitions, before anything
     * follows them or a service creates them.
     */
    public void createTopics() throws ExecutionException, InterruptedException {
        short replication = 1;
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", spec.bootstrapServers()))) {
            admin.createTopics(List.of(spec.resultsTopic(), spec.statsTopic(), spec.alertsTopic()).stream()
                    .map(topic -> new NewTopic(topic, spec.partitions(), replication)).toList()).all().get();
        }
    }

    /** Starts every one of {@code instances}, then waits until each is healthy. */
    public static void startAll(List<ServiceProcess> instances, Duration within) throws IOException,
            InterruptedException {
        for (ServiceProcess instance : instances) {
            instance.start();
        }
        for (ServiceProcess instance : instances) {
            instance.awaitHealthy(within);
        }
    }

    /** Every instance made so far, running or not. */
    public List<ServiceProcess> instances() {
        return List.copyOf(instances);
    }

    @Override
    public void close() throws InterruptedException {
        for (ServiceProcess instance : instances) {
            instance.close();
        }
    }

    private ServiceProcess instance(String module, String name, String yaml, int port) throws IOException {
        Path config = work.resolve(name + ".yaml");
        Files.writeString(config, yaml);
        ServiceProcess instance = new ServiceProcess(repo, module, name, List.of("--config", config.toString()), work,
                port, jvmOptions);
        instances.add(instance);
        return instance;
    }

    private String kafka(Map<String, String> client) {
        String clientYaml = client.entrySet().stream().map(entry -> entry.getKey() + ": \"" + entry.getValue() + "\"")
                .collect(Collectors.joining(", ", "{", "}"));
        return """
                kafka:
                  bootstrap-servers: %s
                  topics: {probe-results: %s, stats: %s, alerts: %s}
                  partitions: %d
                  client: %s
                """.formatted(spec.bootstrapServers(), spec.resultsTopic(), spec.statsTopic(), spec.alertsTopic(),
                spec.partitions(), clientYaml);
    }

    private static String millis(Duration duration) {
        return duration.toMillis() + "ms";
    }
}
