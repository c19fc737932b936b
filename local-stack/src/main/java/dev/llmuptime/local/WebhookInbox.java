package dev.llmuptime.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import reactor.core.publisher.Mono;
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
                            String signature = request.requestHeaders().get("X-LLM-Monitor-Signature");
                            String check = secret == null || secret.isEmpty() ? "unsigned"
                                    : verify(signature, body, secret) ? "signature ok" : "BAD SIGNATURE";
                            out.println("[inbox] " + describe(json, body) + "  (" + check + ")");
                            return response.status(check.equals("BAD SIGNATURE") ? 401 : 200).send().then();
                        })))
                .bindNow();
        return new WebhookInbox(server);
    }

    int port() {
        return server.port();
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

    static boolean verify(String header, byte[] body, String secret) {
        if (header == null || !header.startsWith("t=") || !header.contains(",v1=")) {
            return false;
        }
        String t = header.substring(2, header.indexOf(','));
        String v1 = header.substring(header.indexOf(",v1=") + 4);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
            byte[] expected = HexFormat.of().formatHex(mac.doFinal(body)).getBytes(StandardCharsets.UTF_8);
            return MessageDigest.isEqual(expected, v1.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            return false;
        }
    }

}
