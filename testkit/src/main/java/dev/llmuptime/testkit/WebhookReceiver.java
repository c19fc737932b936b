package dev.llmuptime.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-process webhook receiver on 127.0.0.1: takes a POST on any path, records it with its
 * headers and body, and answers with scripted statuses (200 unless told otherwise) and {@code {}}.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as it arrived, and the status it was answered with. */
    public record Request(String path, Map<String, List<String>> headers, String body, int answered, Instant at) {

        /** The first value of a header, by case-insensitive name; null if absent. */
        public String header(String name) {
            return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().get(0)).findFirst().orElse(null);
        }

        public byte[] bodyBytes() {
            return body.getBytes(StandardCharsets.UTF_8);
        }

        public boolean delivered() {
            return answered >= 200 && answered < 300;
        }
    }

    private static final byte[] ANSWER = "{}".getBytes(StandardCharsets.UTF_8);

    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Integer> script = new ConcurrentLinkedQueue<>();
    private volatile int otherwise = 200;
    private HttpServer server;
    private int port;

    /** Starts on a free port. */
    public WebhookReceiver() {
        start(0);
    }

    /** The next answers, in order; after them, {@link #otherwise(int)}. */
    public WebhookReceiver answer(Integer... statuses) {
        script.addAll(List.of(statuses));
        return this;
    }

    /** The answer once the script is used up. */
    public WebhookReceiver otherwise(int status) {
        this.otherwise = status;
        return this;
    }

    public int port() {
        return port;
    }

    /** The URL of {@code /hook} on this receiver. */
    public String url() {
        return url("/hook");
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** Every request so far, in order of arrival. */
    public List<Request> requests() {
        return requests;
    }

    /** The requests answered with a 2xx status. */
    public List<Request> delivered() {
        return requests.stream().filter(Request::delivered).toList();
    }

    /** Stops listening, so that senders meet a refused connection. */
    public void stop() {
        server.stop(0);
    }

    /** Starts again on the same port after {@link #stop()}. */
    public void restart() {
        start(port);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void start(int onPort) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
        port = server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        // Stamped before the body is read: the arrival time is what benchmarks measure.
        Instant at = Instant.now();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Integer scripted = script.poll();
        int status = scripted == null ? otherwise : scripted;
        requests.add(new Request(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()), body,
                status, at));
        exchange.sendResponseHeaders(status, ANSWER.length);
        exchange.getResponseBody().write(ANSWER);
        exchange.close();
    }
}
