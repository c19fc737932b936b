package dev.llmuptime.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The fault switch of a running simulated provider: each {@link Fault} applies at once. */
final class SimulatorFaults {

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI endpoint;

    SimulatorFaults(String simRoot) {
        this.endpoint = URI.create(simRoot + "/_sim/faults");
    }

    void apply(Fault fault) throws IOException, InterruptedException {
        http.send(HttpRequest.newBuilder(endpoint).POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(fault)))
                .build(), HttpResponse.BodyHandlers.discarding());
    }
}
