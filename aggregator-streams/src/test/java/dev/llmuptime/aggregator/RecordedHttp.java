package dev.llmuptime.aggregator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * An HTTP/1.1 client of one aggregator, on one keep-alive connection, that keeps every answer: a
 * test then checks that none showed a secret or an internal address of {@link StatusHttpTest#config}.
 */
final class RecordedHttp {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<HttpResponse<String>> answers = new ArrayList<>();
    private final IntSupplier port;
    private final String bootstrapServers;

    /** The aggregator on {@code port}, reading from the broker at {@code bootstrapServers}. */
    RecordedHttp(IntSupplier port, String bootstrapServers) {
        this.port = port;
        this.bootstrapServers = bootstrapServers;
    }

    HttpResponse<String> get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + port.getAsInt() + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        answers.add(response);
        return response;
    }

    void assertNoSecretShown() {
        assertThat(answers).isNotEmpty().allSatisfy(response -> {
            String everything = response.headers().map() + "\n" + response.body();
            assertThat(everything).doesNotContain(StatusHttpTest.API_KEY, StatusHttpTest.BASE_URL_HOST,
                    bootstrapServers, "127.0.0.1", "localhost");
        });
    }
}
