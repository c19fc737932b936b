package dev.llmuptime.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One webhook receiver for every monitoring stack of the peers benchmark: {@code /<stack>}
 * takes this project's generic payload or Alertmanager's, and timestamps each alert on arrival.
 */
final class Receiver implements AutoCloseable {

    /**
     * One alert as it arrived: which stack, model and rule, firing or resolved, when (epoch ms), and
     * when this project's alert consumer decided it ({@code emittedAt}; null for Alertmanager).
     */
    record Arrival(String stack, String model, String rule, boolean firing, long at, Long emittedAt) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final List<Arrival> arrivals = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    Receiver(List<String> stacks) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        for (String stack : stacks) {
            server.createContext("/" + stack, exchange -> {
                long at = System.currentTimeMillis();
                JsonNode body = json.readTree(exchange.getRequestBody().readAllBytes());
                if (body.has("alerts")) {
                    for (JsonNode alert : body.path("alerts")) {
                        arrivals.add(new Arrival(stack, alert.path("labels").path("model").asText(),
                                alert.path("labels").path("alertname").asText(),
                                alert.path("status").asText().equals("firing"), at, null));
                    }
                } else {
                    arrivals.add(new Arrival(stack, body.path("targetId").asText(), body.path("rule").asText(),
                            body.path("status").asText().equals("FIRING"), at,
                            Instant.parse(body.path("emittedAt").asText()).toEpochMilli()));
                }
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
        }
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    List<Arrival> arrivals() {
        return arrivals;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
