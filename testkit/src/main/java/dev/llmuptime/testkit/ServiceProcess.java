package dev.llmuptime.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One service of this project run from its packaged jar as an operating system process, with its
 * own arguments (a configuration file, or local-stack's {@code --kafka-only}) and HTTP port:
 * started, asked over HTTP, killed (SIGKILL), stopped (SIGTERM) and started again. Its output goes
 * to {@code <name>.log} in the work directory, kept across restarts for diagnosis.
 */
public final class ServiceProcess implements AutoCloseable {

    /** A small JVM, so that eight of them fit on two cores: little heap, one GC thread, quick start. */
    public static final List<String> SMALL_JVM = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    /** An HTTP answer; status 0 when the service could not be reached, with the reason as body. */
    public record Reply(int status, String body) {

        public boolean ok() {
            return status == 200;
        }
    }

    private final String name;
    private final Path jar;
    private final List<String> arguments;
    private final Path workDir;
    private final int httpPort;
    private final List<String> jvmOptions;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private Process process;

    /**
     * @param repo     the project's root, with {@code <module>/target/<module>.jar} built
     * @param module    probe-producer, aggregator-streams, alert-consumer or local-stack
     * @param name      this instance's name, unique in {@code workDir}
     * @param arguments what follows {@code -jar <module>.jar}, e.g. {@code --config FILE}
     * @param httpPort  the port its arguments give it for /health and its API
     */
    public ServiceProcess(Path repo, String module, String name, List<String> arguments, Path workDir, int httpPort,
            List<String> jvmOptions) {
        this.name = name;
        this.jar = repo.resolve(module).resolve("target").resolve(module + ".jar").toAbsolutePath().normalize();
        this.arguments = List.copyOf(arguments);
        this.workDir = workDir;
        this.httpPort = httpPort;
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    public String name() {
        return name;
    }

    public int httpPort() {
        return httpPort;
    }

    public Path log() {
        return workDir.resolve(name + ".log");
    }

    /** Starts the jar (again, after a kill or a stop); its output is appended to {@link #log()}. */
    public synchronized ServiceProcess start() throws IOException {
        if (alive()) {
            throw new IllegalStateException(name + " is already running");
        }
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(arguments);
        Files.writeString(log(), "---- " + Instant.now() + " start " + command + "\n", StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile())).start();
        return this;
    }

    public synchronized boolean alive() {
        return process != null && process.isAlive();
    }

    /** GET on this service's HTTP port; never throws for a service that is down. */
    public Reply get(String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort
                    + path)).timeout(REQUEST_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Reply(0, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(0, e.toString());
        }
    }

    /** The body of /health, whatever its status. */
    public String health() {
        return get("/health").body();
    }

    public boolean healthy() {
        return get("/health").ok();
    }

    /** Waits until /health answers 200; fails naming the log if the process exits or time runs out. */
    public ServiceProcess awaitHealthy(Duration within) throws InterruptedException {
        return awaitReady("/health", within);
    }

    /** Waits until {@code path} answers 200; fails naming the log if the process exits or time runs out. */
    public ServiceProcess awaitReady(String path, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!get(path).ok()) {
            if (!alive()) {
                throw new IllegalStateException(name + " exited; see " + log());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " not ready within " + within.toSeconds() + " s: "
                        + get(path).body() + "; see " + log());
            }
            Thread.sleep(POLL.toMillis());
        }
        return this;
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed, the group learns of it by timeout. Returns when. */
    public synchronized Instant kill() throws InterruptedException {
        Instant at = Instant.now();
        if (process != null) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        return at;
    }

    /** SIGTERM, then SIGKILL if it has not exited within {@code patience}; returns how long it took to exit. */
    public synchronized Duration stop(Duration patience) throws InterruptedException {
        long started = System.nanoTime();
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** Kills the process if it still runs. */
    @Override
    public void close() throws InterruptedException {
        kill();
    }

    @Override
    public String toString() {
        return name + " (port " + httpPort + ", log " + log() + ")";
    }
}
