package dev.llmuptime.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmuptime.config.HttpConfig;
import dev.llmuptime.config.Secret;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRoutes;

/** {@code http.token} over real HTTP: 401 without a bearer token, 403 with another, open paths stay open. */
class HttpAccessTest {

    private static final String TOKEN = "http-token-0123456789abcdef";
    private static final String WRITE_TOKEN = "write-token-fedcba9876543210";

    private final HttpClient http = HttpClient.newHttpClient();
    private DisposableServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.disposeNow(Duration.ofSeconds(5));
        }
    }

    @Test
    void withoutATokenEverythingIsOpenAsBefore() throws Exception {
        serve(HttpAccess.of(HttpConfig.DEFAULT));

        assertThat(get("/api/v1/targets", null).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/targets", "Bearer anything").statusCode()).isEqualTo(200);
    }

    @Test
    void withATokenARequestWithoutItIs401AndWithAnotherIs403() throws Exception {
        serve(HttpAccess.of(new HttpConfig(Secret.of(TOKEN), null)));

        HttpResponse<String> missing = get("/api/v1/targets", null);
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(missing.headers().firstValue("www-authenticate")).hasValue("Bearer");
        assertThat(missing.body()).isEqualTo("{\"error\":\"this endpoint needs the header Authorization: Bearer "
                + "<http.token>\"}");
        assertThat(get("/", "Basic dXNlcjpwYXNz").statusCode()).isEqualTo(401);
        HttpResponse<String> wrong = get("/api/v1/targets", "Bearer " + TOKEN + "x");
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(wrong.body()).isEqualTo("{\"error\":\"the bearer token is not http.token\"}").doesNotContain(TOKEN);
        assertThat(get("/api/v1/targets", "Bearer " + TOKEN).body()).isEqualTo("targets");
        assertThat(get("/metrics", null).statusCode()).isEqualTo(401);
        assertThat(get("/health", null).statusCode()).as("orchestrators ask without credentials").isEqualTo(200);
    }

    @Test
    void openPathsAndAcceptedTokensPass() throws Exception {
        serve(HttpAccess.of(new HttpConfig(Secret.of(TOKEN), true)).leavingOpen("/status"::equals)
                .accepting(Secret.of(WRITE_TOKEN)));

        assertThat(get("/status", null).body()).isEqualTo("status");
        assertThat(get("/api/v1/targets", "Bearer " + WRITE_TOKEN).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/targets", null).statusCode()).isEqualTo(401);
    }

    private void serve(HttpAccess access) {
        HttpServerRoutes routes = HttpServerRoutes.newRoutes()
                .get("/", (request, response) -> response.sendString(Mono.just("dashboard")))
                .get("/api/v1/targets", (request, response) -> response.sendString(Mono.just("targets")))
                .get("/status", (request, response) -> response.sendString(Mono.just("status")))
                .get("/metrics", (request, response) -> response.sendString(Mono.just("metrics")))
                .get("/health", (request, response) -> response.sendString(Mono.just("up")));
        server = HttpServer.create().host("127.0.0.1").port(0).handle(access.around(routes)).bindNow();
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
