package dev.llmuptime.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmuptime.testkit.WebhookReceiver;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One webhook receiver for every monitoring stack of the peers benchmark: {@code /<stack>}
 * takes this project's generic payload or Alertmanager's, and timestamps each alert on arrival.
 */
final class Receiver implements AutoCloseable {

    /**
     * One alert as it arrived: which stack, model and rule, firing or resolved, when (epoch ms), when
     * this project's alert consumer decided it ({@code emittedAt}; null for Alertmanager), and its
     * severity and summary (empty for Alertmanager, whose rules here set neither).
     */
    record Arrival(String stack, String model, String rule, boolean firing, long at, Long emittedAt, String severity,
            String summary) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final List<String> stacks;
    private final WebhookReceiver webhooks = new WebhookReceiver();

    Receiver(List<String> stacks) {
        this.stacks = List.copyOf(stacks);
    }

    int port() {
        return webhooks.port();
    }

    /** Every alert so far, in order of arrival. */
    List<Arrival> arrivals() {
        List<Arrival> arrivals = new ArrayList<>();
        for (WebhookReceiver.Request request : webhooks.requests()) {
            String stack = request.path().substring(1);
            if (stacks.contains(stack)) {
                arrivals.addAll(arrivals(stack, request));
            }
        }
        return arrivals;
    }

    @Override
    public void close() {
        webhooks.close();
    }

    private List<Arrival> arrivals(String stack, WebhookReceiver.Request request) {
        long at = request.at().toEpochMilli();
        JsonNode body;
        try {
            body = json.readTree(request.body());
        } catch (IOException e) {
            // Every stack sends JSON; anything else is no alert.
            return List.of();
        }
        List<Arrival> arrivals = new ArrayList<>();
        if (body.has("alerts")) {
            for (JsonNode alert : body.path("alerts")) {
                arrivals.add(new Arrival(stack, alert.path("labels").path("model").asText(),
                        alert.path("labels").path("alertname").asText(),
                        alert.path("status").asText().equals("firing"), at, null,
                        alert.path("labels").path("severity").asText(),
                        alert.path("annotations").path("summary").asText()));
            }
        } else {
            arrivals.add(new Arrival(stack, body.path("targetId").asText(), body.path("rule").asText(),
                    body.path("status").asText().equals("FIRING"), at,
                    Instant.parse(body.path("emittedAt").asText()).toEpochMilli(), body.path("severity").asText(),
                    body.path("summary").asText()));
        }
        return arrivals;
    }
}
