package dev.llmuptime.bench;

import dev.llmuptime.config.AlertsConfig;
import dev.llmuptime.config.TopicsConfig;
import dev.llmuptime.embedded.kafka.FreePort;
import java.io.IOException;
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

    private final Path repo;
    private final Path work;
    /** Every model the simulated provider serves and every stack probes. */
    private final List<String> models;
    private final List<Process> processes = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private final RunConfigYaml yaml = new RunConfigYaml();
    private String bootstrap;
    private URI simBaseUrl;

    PeerProcesses(Path repo, Path work, List<String> models) {
        this.repo = repo;
        this.work = work;
        this.models = List.copyOf(models);
    }

    /** Starts everything and returns the simulated provider's root URL. */
    String startAll(int receiverPort) throws Exception {
        int kafka = FreePort.pick();
        int sim = FreePort.pick();
        String simRoot = "http://127.0.0.1:" + sim;
        start("kafka", List.of("java", "-jar", jar("local-stack"), "--kafka-only", "--kafka-port", "" + kafka));
        start("simulator", List.of("java", "-jar", jar("local-stack"), "--simulator-only", "--simulator-port", "" + sim,
                "--simulator-models", String.join(",", models)));
        await(simRoot + "/v1/models");

        bootstrap = "localhost:" + kafka;
        simBaseUrl = URI.create(simRoot + "/v1");
        int alertsDefault = FreePort.pick();
        int alertsFast = FreePort.pick();
        Path defaultConfig = ours("ours-default.yaml", "bench.alerts.default", 0,
                ServiceConfigs.alerts(alertsDefault, receiver(receiverPort, "ours-default"), null));
        Path fastConfig = ours("ours-fast.yaml", "bench.alerts.fast", 0,
                ServiceConfigs.alerts(alertsFast, receiver(receiverPort, "ours-fast"), ServiceConfigs.FAST_RULES));
        Path probes = ours("ours-probes.yaml", "bench.alerts.default", FreePort.pick(), null);
        start("aggregator-streams", List.of("java", "-jar", jar("aggregator-streams"), "--config",
                probes.toString()));
        start("alert-consumer-default", List.of("java", "-jar", jar("alert-consumer"), "--config",
                defaultConfig.toString()));
        start("alert-consumer-fast", List.of("java", "-jar", jar("alert-consumer"), "--config", fastConfig.toString()));
        await("http://127.0.0.1:" + alertsDefault + "/health");
        await("http://127.0.0.1:" + alertsFast + "/health");
        start("probe-producer", List.of("java", "-jar", jar("probe-producer"), "--config", probes.toString()));

        PeerConfigs peers = new PeerConfigs();
        int blackbox = FreePort.pick();
        write("blackbox.yml", yaml.document(peers.blackbox(models)));
        start("blackbox", List.of("prometheus-blackbox-exporter", "--config.file=" + work.resolve("blackbox.yml"),
                "--web.listen-address=127.0.0.1:" + blackbox));
        for (PrometheusProfile profile : PrometheusProfile.ALL) {
            String stack = profile.stack();
            int alertmanager = FreePort.pick();
            int prometheus = FreePort.pick();
            write(stack + "/alertmanager.yml", yaml.document(peers.alertmanager(profile, receiverPort)));
            write(stack + "/rules.yml", yaml.document(peers.rules(profile)));
            write(stack + "/prometheus.yml", yaml.document(peers.prometheus(profile, alertmanager, blackbox,
                    simRoot + "/v1/chat/completions", models)));
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

    /**
     * Starts a probe-producer of {@code region} probing the same targets as this project's prober, once
     * {@link #startAll} ran, except that its requests for {@code failing} go to a closed port on loopback.
     */
    Process startOtherRegion(String region, String failing) throws IOException {
        URI closedPort = URI.create("http://127.0.0.1:" + FreePort.pick() + "/v1");
        Path config = write("ours-probes-" + region + ".yaml", yaml.serviceConfig(ServiceConfigs.otherRegion(bootstrap,
                topics("bench.alerts.default"), region, simBaseUrl, models, failing, closedPort)));
        return start("probe-producer-" + region, List.of("java", "-jar", jar("probe-producer"), "--config",
                config.toString()));
    }

    /** Stops one process started here, before the others. */
    void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    /** A configuration file of this project's services; each alert consumer writes its own alerts topic. */
    private Path ours(String name, String alertsTopic, int aggregatorPort, AlertsConfig alerts) throws IOException {
        return write(name, yaml.serviceConfig(ServiceConfigs.peers(bootstrap, topics(alertsTopic), simBaseUrl,
                models, aggregatorPort, alerts)));
    }

    private static TopicsConfig topics(String alertsTopic) {
        return new TopicsConfig(RESULTS_TOPIC, "bench.peers.stats", alertsTopic);
    }

    /** Where a stack's alerts arrive: its path on the benchmark's receiver. */
    private static URI receiver(int receiverPort, String stack) {
        return URI.create("http://127.0.0.1:" + receiverPort + "/" + stack);
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

    private Process start(String name, List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve(name + ".log").toFile()).start();
        processes.add(process);
        return process;
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

    /** Every port of the benchmark comes from here; a free port on loopback, bound by its process soon after. */
    @Override
    public void close() throws InterruptedException {
        List<Process> reversed = new ArrayList<>(processes);
        Collections.reverse(reversed);
        for (Process process : reversed) {
            stop(process);
        }
    }
}
