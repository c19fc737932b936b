package dev.llmuptime.ops;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;

/** An HTTP endpoint on 127.0.0.1 and an ephemeral port that keeps every request (bodies un-gzipped) and answers as told. */
final class RecordingEndpoint implements AutoCloseable {

    record Request(String method, String path, Map<String, List<String>> headers, byte[] body) {

        String header(String name) {
            return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().get(0)).findFirst().orElse(null);
        }
    }

    record Reply(int status, Map<String, String> headers, byte[] body) {
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private RecordingEndpoint(HttpServer server) {
        this.server = server;
    }

    static RecordingEndpoint start(Function<Request, Reply> answer) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        RecordingEndpoint endpoint = new RecordingEndpoint(server);
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                byte[] raw = in.readAllBytes();
                String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
                byte[] body = "gzip".equalsIgnoreCase(encoding)
                        ? new GZIPInputStream(new ByteArrayInputStream(raw)).readAllBytes() : raw;
                Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                        Map.copyOf(exchange.getRequestHeaders()), body);
                endpoint.requests.add(request);
                Reply reply = answer.apply(request);
                reply.headers().forEach(exchange.getResponseHeaders()::add);
                exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(reply.body());
                }
            }
        });
        server.start();
        return endpoint;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
