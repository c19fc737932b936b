package dev.llmuptime.alert;

import static org.awaitility.Awaitility.await;

import dev.llmuptime.embedded.kafka.FreePort;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code prometheus-alertmanager} as a plain child process on 127.0.0.1: one null receiver,
 * its data in a directory of the test's, clustering off. A missing binary fails the test (CI installs it).
 */
final class AlertmanagerProcess implements AutoCloseable {

    static final String BINARY = "prometheus-alertmanager";
    private static final String CONFIG = """
            route:
              receiver: "null"
            receivers:
              - name: "null"
            """;

    private final HttpClient http = HttpClient.newHttpClient();
    private final Process process;
    private final int port;

    private AlertmanagerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts it with its files under {@code dir} and waits until it answers {@code /-/ready}. */
    static AlertmanagerProcess start(Path dir) throws IOException {
        Path binary = onPath(BINARY).orElseThrow(() -> new IllegalStateException(BINARY + " is not on the PATH: "
                + "install the Debian package prometheus-alertmanager (.ci/run does)"));
        Path config = Files.writeString(dir.resolve("alertmanager.yml"), CONFIG);
        int port = FreePort.pick();
        Path log = dir.resolve("alertmanager.log");
        Process process = new ProcessBuilder(binary.toString(), "--config.file=" + config,
                "--storage.path=" + Files.createDirectories(dir.resolve("data")),
                "--web.listen-address=127.0.0.1:" + port, "--cluster.listen-address=")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        AlertmanagerProcess alertmanager = new AlertmanagerProcess(process, port);
        try {
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> process.isAlive() && alertmanager.get("/-/ready").statusCode() == 200);
        } catch (RuntimeException notReady) {
            alertmanager.close();
            throw new IllegalStateException(BINARY + " did not become ready; its log:\n" + Files.readString(log),
                    notReady);
        }
        return alertmanager;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static Optional<Path> onPath(String name) {
        List<String> dirs = Arrays.asList(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator));
        return dirs.stream().map(dir -> Path.of(dir, name)).filter(Files::isExecutable).findFirst();
    }
}
