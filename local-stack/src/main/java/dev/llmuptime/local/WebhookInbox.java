package dev.llmuptime.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmuptime.alert.Signature;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A webhook receiver for the local stack: prints every alert it gets, after checking its
 * signature the way a real receiver should (see the README's verification snippets).
 */
final class WebhookInbox implements AutoCloseable {

    private final DisposableServer server;

    private WebhookInbox(DisposableServer server) {
        this.server = server;
    }

    static WebhookInbox start(int port, String path, String secret, PrintStream out) {
        ObjectMapper json = new ObjectMapper();
        DisposableServer server = HttpServer.create().host("127.0.0.1").port(port)
                .route(routes -> routes.post(path, (request, response) -> request.receive().aggregate().asByteArray()
                        .defaultIfEmpty(new byte[0])
                        .flatMap(body -> {
                            String signature = request.requestHeaders().get(Signature.HEADER);
                            String check = secret == null || secret.isEmpty() ? "unsigned"
                                    : Signature.verify(signature, body, secret) ? "signature ok" : "BAD SIGNATURE";
                            out.println("[inbox] " + describe(json, body) + "  (" + check + ")");
                            return response.status(check.equals("BAD SIGNATURE") ? 401 : 200).send().then();
                        })))
                .bindNow();
        return new WebhookInbox(server);
    }

    @Override
    public void close() {
        server.disposeNow(Duration.ofSeconds(5));
    }

    private static String describe(ObjectMapper json, byte[] body) {
        try {
            JsonNode alert = json.readTree(body);
            return String.format("%-8s %-8s %s", alert.path("status").asText(), alert.path("severity").asText(),
                    alert.path("summary").asText());
        } catch (IOException e) {
            return new String(body, StandardCharsets.UTF_8);
        }
    }
}
