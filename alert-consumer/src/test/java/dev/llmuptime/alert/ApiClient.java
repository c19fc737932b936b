package dev.llmuptime.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.StreamSupport;

/** Calls the alerts API of one alert consumer on 127.0.0.1, as curl would. */
final class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;
    private final String token;

    /** Requests carry {@code token} as a bearer token; null: no Authorization header. */
    ApiClient(int port, String token) {
        this.port = port;
        this.token = token;
    }

    ApiClient withToken(String other) {
        return new ApiClient(port, other);
    }

    Answer get(String path) throws IOException, InterruptedException {
        return send(authorized(request(path).GET()));
    }

    /** A GET whose answer is read as text, not JSON. */
    Text text(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(authorized(request(path).GET()).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Text(response.statusCode(), response.headers().firstValue("content-type").orElse(null),
                response.body());
    }

    Answer post(String path, String body) throws IOException, InterruptedException {
        return send(authorized(request(path).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))));
    }

    Answer delete(String path) throws IOException, InterruptedException {
        return send(authorized(request(path).DELETE()));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder request) {
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body().isEmpty() ? null : JSON.readTree(response.body()),
                response.headers().firstValue("www-authenticate").orElse(null));
    }

    /** A response: its status, its JSON body, and its WWW-Authenticate header (null when absent). */
    record Answer(int status, JsonNode body, String authenticate) {

        String error() {
            return body.path("error").asText();
        }

        /** The array {@code field} of a 200 answer. */
        List<JsonNode> items(String field) {
            assertThat(status).as(String.valueOf(body)).isEqualTo(200);
            return StreamSupport.stream(body.path(field).spliterator(), false).toList();
        }
    }

    /** A response read as text: its status, its Content-Type and its body. */
    record Text(int status, String contentType, String body) {
    }
}
