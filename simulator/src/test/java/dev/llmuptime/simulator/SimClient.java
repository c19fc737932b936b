package dev.llmuptime.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/** A simulated provider with instant answers, and a plain HTTP client that calls it with any headers. */
final class SimClient implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    final SimulatedProvider sim = SimulatedProvider.start("127.0.0.1", 0, SimulatedProvider.DEFAULT_MODELS,
            Pacing.INSTANT, RandomGenerator.getDefault());
    private final HttpClient http = HttpClient.newHttpClient();

    /** {@code headers} are name, value, name, value... */
    HttpResponse<String> get(String path, String... headers) throws Exception {
        return http.send(request(path, headers).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String body, String... headers) throws Exception {
        return http.send(request(path, headers).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    void fault(String fault) throws Exception {
        assertThat(post("/_sim/faults", fault).statusCode()).isEqualTo(200);
    }

    static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    /** The value of every line of {@code body} that starts with {@code field}, e.g. {@code "event: "}. */
    static List<String> fields(String body, String field) {
        List<String> values = new ArrayList<>();
        for (String line : body.split("\r?\n")) {
            if (line.startsWith(field)) {
                values.add(line.substring(field.length()));
            }
        }
        return values;
    }

    @Override
    public void close() {
        sim.close();
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + sim.port() + path))
                .header("content-type", "application/json").timeout(Duration.ofSeconds(10));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }
}
