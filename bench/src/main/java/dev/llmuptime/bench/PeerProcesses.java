package dev.llmuptime.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Every process of the peers benchmark, on 127.0.0.1 with free ports: Kafka and the simulated
 * provider (local-stack), this project's services (one alert consumer per rule set), and
 * blackbox_exporter, Prometheus and Alertmanager (one Prometheus and one Alertmanager per
 * configuration, the cluster listener off). Stopped in reverse order.
 */
final class PeerProcesses implements AutoCloseable {

    static final String RESULTS_TOPIC = "bench.peers.results";
    static final List<String> MODELS = List.of("m-500", "m-429", "m-hang", "m-slow", PeersBench.NOISY);

    private final Path repo;
    private final Path work;
    private final List<Process> processes = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private String bootstrap;

    PeerProcesses(Path repo, Path work) {
        this.repo = repo;
        this.work = work;
    }

    /** Starts everything and returns the simulated provider's root URL. */
    String startAll(int receiverPort) throws Exception {
        int kafka = freePort();
        int sim = freePort();
        String simRoot = "http://127.0.0.1:" + sim;
        start("kafka", List.of("java", "-jar", jar("local-stack"), "--kafka-only", "--kafka-port", "" + kafka));
        start("simulator", List.of("java", "-jar", jar("local-stack"), "--simulator-only", "--simulator-port", "" + sim,
                "--simulator-models", String.join(",", MODELS)));
        await(simRoot + "/v1/models");

        bootstrap = "localhost:" + kafka;
        int alertsDefault = freePort();
        int alertsFast = freePort();
        Path defaultConfig = write("ours-default.yaml", ours(bootstrap, simRoot + "/v1", "bench.alerts.default", 0)
                + alerts(alertsDefault, receiverPort, "ours-default", ""));
        Path fastConfig = write("ours-fast.yaml", ours(bootstrap, simRoot + "/v1", "bench.alerts.fast", 0)
                + alerts(alertsFast, receiverPort, "ours-fast", """
                  rules:
                    - {name: down, condition: "consecutive-failures >= 1", severity: critical}
                    - {name: slow, window: 1m, condition: "latency.p95 > 2000", min-samples: 1, severity: warning}
                """));
        Path probes = write("ours-probes.yaml", ours(bootstrap, simRoot + "/v1", "bench.alerts.default", freePort()));
        start("aggregator-streams", List.of("java", "-jar", jar("aggregator-streams"), "--config",
                probes.toString()));
        start("alert-consumer-default", List.of("java", "-jar", jar("alert-consumer"), "--config",
                defaultConfig.toString()));
        start("alert-consumer-fast", List.of("java", "-jar", jar("alert-consumer"), "--config", fastConfig.toString()));
        await("http://127.0.0.1:" + alertsDefault + "/health");
        await("http://127.0.0.1:" + alertsFast + "/health");
        start("probe-producer", List.of("java", "-jar", jar("probe-producer"), "--config", probes.toString()));

        int blackbox = freePort();
        write("blackbox.yml", PeerConfigs.blackbox(MODELS));
        start("blackbox", List.of("prometheus-blackbox-exporter", "--config.file=" + work.resolve("blackbox.yml"),
                "--web.listen-address=127.0.0.1:" + blackbox));
        for (String stack : List.of("prom-default", "prom-aggressive")) {
            boolean aggressive = stack.equals("prom-aggressive");
            int alertmanager = freePort();
            int prometheus = freePort();
            write(stack + "/alertmanager.yml", PeerConfigs.alertmanager(aggressive, receiverPort, stack));
            write(stack + "/rules.yml", PeerConfigs.rules(aggressive));
            write(stack + "/prometheus.yml", PeerConfigs.prometheus(aggressive, alertmanager, blackbox,
                    simRoot + "/v1/chat/completions", MODELS));
            start(stack + "-alertmanager", List.of("prometheus-alertmanager",
                    "--config.file=" + work.resolve(stack + "/alertmanager.yml"),
                    "--storage.path=" + work.resolve(stack + "/alertmanager-data"),
                    "--web.listen-address=127.0.0.1:" + alertmanager, "--cluster.listen-address="));
            start(stack + "-prometheus", List.of("prometheus", "--config.file=" + work.resolve(stack + "/prometheus.yml"),
                    "--storage.tsdb.path=" + work.resolve(stack + "/prometheus-data"),
                    "--web.listen-address=127.0.0.1:" + prometheus));
            await("http://127.0.0.1:" + prometheus + "/-/ready");
            await("http://127.0.0.1:" + alertmanager + "/-/ready");
        }
        return simRoot;
    }

    /** The Kafka bootstrap servers of this project's services, once started. */
    String bootstrap() {
        return bootstrap;
    }

    /** Kafka, probes and aggregation sections shared by this project's services. */
    private static String ours(String bootstrap, String simBaseUrl, String alertsTopic, int aggregatorPort) {
        StringBuilder yaml = new StringBuilder("""
                kafka:
                  bootstrap-servers: %s
                  topics: {probe-results: %s, stats: bench.peers.stats, alerts: %s}
                  partitions: 1
                probes:
                  region: bench
                  http-port: 0
                  targets:
                """.formatted(bootstrap, RESULTS_TOPIC, alertsTopic));
        for (String model : MODELS) {
            yaml.append("    - {id: ").append(model).append(", provider: openai-compatible, base-url: \"")
                    .append(simBaseUrl).append("\", model: ").append(model)
                    .append(", check: chat, interval: 5s, timeout: 5s, max-tokens: 5}\n");
        }
        yaml.append("""
                aggregation:
                  windows: [1m, 5m, 1h]
                  grace: 10s
                  http-port: %d
                """.formatted(aggregatorPort));
        return yaml.toString();
    }

    private static String alerts(int port, int receiverPort, String path, String rules) {
        return """
                alerts:
                  http-port: %d
                %s  webhooks:
                    - {name: bench, url: "http://127.0.0.1:%d/%s", format: generic}
                """.formatted(port, rules, receiverPort, path);
    }

    private String jar(String module) {
        return repo.resolve(module).resolve("target").resolve(module + ".jar").toString();
    }

    private Path write(String name, String text) throws IOException {
        Path file = work.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private void start(String name, List<String> command) throws IOException {
        processes.add(new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve(name + ".log").toFile()).start());
    }

    private void await(String url) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(url + " did not become ready within 120 s; see the logs in " + work);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        List<Process> reversed = new ArrayList<>(processes);
        Collections.reverse(reversed);
        for (Process process : reversed) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
