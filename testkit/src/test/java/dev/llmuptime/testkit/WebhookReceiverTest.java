package dev.llmuptime.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebhookReceiverTest {

    private final WebhookReceiver receiver = new WebhookReceiver();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void recordsPathHeadersAndBodyOfEveryRequest() throws Exception {
        HttpResponse<String> response = post(receiver.url("/ours-fast"), "{\"alertId\":\"a\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{}");
        assertThat(receiver.requests()).singleElement().satisfies(request -> {
            assertThat(request.path()).isEqualTo("/ours-fast");
            assertThat(request.header("idempotency-key")).isEqualTo("a:FIRING");
            assertThat(request.header("X-Absent")).isNull();
            assertThat(request.body()).isEqualTo("{\"alertId\":\"a\"}");
            assertThat(request.answered()).isEqualTo(200);
        });
    }

    @Test
    void answersTheScriptInOrderThenTheFallback() throws Exception {
        receiver.answer(500, 400).otherwise(503);

        assertThat(post(receiver.url(), "1").statusCode()).isEqualTo(500);
        assertThat(post(receiver.url(), "2").statusCode()).isEqualTo(400);
        assertThat(post(receiver.url(), "3").statusCode()).isEqualTo(503);
        receiver.otherwise(204);
        assertThat(post(receiver.url(), "4").statusCode()).isEqualTo(204);

        assertThat(receiver.requests()).extracting(WebhookReceiver.Request::answered).containsExactly(500, 400, 503, 204);
        assertThat(receiver.delivered()).extracting(WebhookReceiver.Request::body).containsExactly("4");
    }

    @Test
    void refusesConnectionsWhileStoppedAndTakesThemAgainOnTheSamePort() throws Exception {
        int port = receiver.port();
        receiver.stop();
        assertThatThrownBy(() -> post(receiver.url(), "lost")).isInstanceOf(ConnectException.class);

        receiver.restart();

        assertThat(receiver.port()).isEqualTo(port);
        assertThat(post(receiver.url(), "back").statusCode()).isEqualTo(200);
        assertThat(receiver.requests()).extracting(WebhookReceiver.Request::body).containsExactly("back");
    }

    private HttpResponse<String> post(String url, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Idempotency-Key", "a:FIRING")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
