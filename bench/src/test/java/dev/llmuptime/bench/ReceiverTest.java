package dev.llmuptime.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReceiverTest {

    private final Receiver receiver = new Receiver(List.of("ours-fast", "prom-aggressive"));
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void readsOneArrivalPerAlertOfEitherPayloadForKnownStacksOnly() throws Exception {
        post("/ours-fast", """
                {"targetId":"m-500","rule":"down","status":"FIRING","emittedAt":"2026-11-27T10:00:00.250Z",
                 "severity":"critical","summary":"down on m-500"}""");
        post("/prom-aggressive", """
                {"alerts":[{"status":"firing","labels":{"alertname":"ProbeFailed","model":"m-500"}},
                           {"status":"resolved","labels":{"alertname":"SlowProbe","model":"m-slow"}}]}""");
        post("/someone-else", """
                {"targetId":"m-500","rule":"down","status":"FIRING","emittedAt":"2026-11-27T10:00:00.250Z"}""");
        post("/ours-fast", "not json");

        List<Receiver.Arrival> arrivals = receiver.arrivals();

        assertThat(arrivals).extracting(Receiver.Arrival::stack, Receiver.Arrival::model, Receiver.Arrival::rule,
                Receiver.Arrival::firing, Receiver.Arrival::emittedAt, Receiver.Arrival::severity,
                Receiver.Arrival::summary).containsExactly(
                        tuple("ours-fast", "m-500", "down", true, 1_795_773_600_250L, "critical", "down on m-500"),
                        tuple("prom-aggressive", "m-500", "ProbeFailed", true, null, "", ""),
                        tuple("prom-aggressive", "m-slow", "SlowProbe", false, null, "", ""));
        assertThat(arrivals.get(1).at()).isEqualTo(arrivals.get(2).at()).isGreaterThanOrEqualTo(arrivals.get(0).at());
    }

    private void post(String path, String body) throws Exception {
        http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + receiver.port() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
    }
}
