package dev.llmuptime.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmuptime.alert.Signature;
import dev.llmuptime.embedded.kafka.FreePort;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebhookInboxTest {

    private static final String SECRET = "whsec-inbox";
    private static final byte[] ALERT = """
            {"status":"FIRING","severity":"critical","summary":"sim-large-chat: 2 consecutive failed probes"}"""
            .getBytes(StandardCharsets.UTF_8);

    private final int port = FreePort.pick();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final WebhookInbox inbox = WebhookInbox.start(port, "/hook", SECRET,
            new PrintStream(printed, true, StandardCharsets.UTF_8));

    @AfterEach
    void stop() {
        inbox.close();
    }

    @Test
    void printsASignedAlertAndAcceptsIt() throws Exception {
        int status = post(Signature.header(SECRET, Instant.now().getEpochSecond(), ALERT));

        assertThat(status).isEqualTo(200);
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("[inbox] FIRING   critical sim-large-chat: 2 consecutive failed probes  (signature ok)");
    }

    @Test
    void rejectsAnAlertSignedWithAnotherSecret() throws Exception {
        int status = post(Signature.header("whsec-forged", Instant.now().getEpochSecond(), ALERT));

        assertThat(status).isEqualTo(401);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("(BAD SIGNATURE)");
    }

    private int post(String signature) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/hook"))
                .header(Signature.HEADER, signature).POST(HttpRequest.BodyPublishers.ofByteArray(ALERT)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
