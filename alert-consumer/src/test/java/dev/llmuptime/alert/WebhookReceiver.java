package dev.llmuptime.alert;

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

/** An in-process webhook receiver on 127.0.0.1: answers with scripted statuses and records every request. */
final class WebhookReceiver implements AutoCloseable {

    record Request(Map<String, List<String>> headers, String body, int answered, Instant at) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Integer> script = new ConcurrentLinkedQueue<>();
    private volatile int otherwise = 200;
    private HttpServer server;
    private int port;

    WebhookReceiver() {
        start(0);
    }

    /** The next answers, in order; after them, {@link #otherwise(int)}. */
    WebhookReceiver answer(Integer... statuses) {
        script.addAll(List.of(statuses));
        return this;
    }

    WebhookReceiver otherwise(int status) {
        this.otherwise = status;
        return this;
    }

    String url() {
        return "http://127.0.0.1:" + port + "/hook";
    }

    List<Request> requests() {
        return requests;
    }

    List<Request> delivered() {
        return requests.stream().filter(request -> request.answered() >= 200 && request.answered() < 300).toList();
    }

    void stop() {
        server.stop(0);
    }

    /** Starts again on the same port after {@link #stop()}. */
    void restart() {
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
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Integer scripted = script.poll();
            int status = scripted == null ? otherwise : scripted;
            requests.add(new Request(Map.copyOf(exchange.getRequestHeaders()), body, status, Instant.now()));
            byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        port = server.getAddress().getPort();
    }
}
