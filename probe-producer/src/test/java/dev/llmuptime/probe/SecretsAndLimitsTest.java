package dev.llmuptime.probe;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmuptime.config.CheckType;
import dev.llmuptime.config.Secret;
import dev.llmuptime.config.TargetConfig;
import dev.llmuptime.schema.Outcome;
import dev.llmuptime.schema.ProbeResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * Against a server that misbehaves in ways the simulator does not: echoing the key and header
 * values, answering huge bodies.
 */
class SecretsAndLimitsTest {

    private static final String KEY = "sk-test-secret-key-123456";
    private static final String GATEWAY_TOKEN = "gw-token-7f3a9c";

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private DisposableServer server;
    private ProbeHttpClient http;
    private Prober prober;

    @BeforeEach
    void start() {
        server = HttpServer.create().host("127.0.0.1").port(0).route(routes -> routes
                .post("/bad-key/v1/chat/completions", (request, response) -> response.status(401)
                        .header("content-type", "application/json")
                        .sendString(Mono.just("{\"error\":{\"message\":\"Incorrect API key provided: " + KEY
                                + ". Header was Authorization: Bearer " + KEY + "\",\"code\":\"invalid_api_key\"}}")))
                .post("/gateway/v1/chat/completions", (request, response) -> response.status(403)
                        .header("content-type", "application/json")
                        .sendString(Mono.just("{\"error\":{\"message\":\"Gateway token "
                                + request.requestHeaders().get("x-gateway-token") + " is not allowed for tenant "
                                + request.requestHeaders().get("x-tenant") + "\",\"code\":\"forbidden\"}}")))
                .post("/huge/v1/chat/completions", (request, response) -> response
                        .header("content-type", "application/json")
                        .sendString(Mono.just("{\"choices\":[{\"message\":{\"content\":\"" + "x".repeat(2 * 1024 * 1024)
                                + "\"}}]}")))
                .post("/ok/v1/chat/completions", (request, response) -> response
                        .header("content-type", "application/json")
                        .sendString(Mono.just("{\"choices\":[{\"message\":{\"content\":\"OK\"},\"finish_reason\":\"stop\"}]}"))))
                .bindNow();
        http = new ProbeHttpClient(10);
        prober = new Prober(http.client(), new ObjectMapper(), Clock.systemUTC(), "r", "p");
        logs.start();
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).addAppender(logs);
    }

    @AfterEach
    void stop() {
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
        http.close();
        server.disposeNow();
    }

    @Test
    void keyEchoedByTheProviderNeverReachesTheEventOrTheLogs() {
        ProbeResult failing = probe("bad-key");
        ProbeResult succeeding = probe("ok");

        assertThat(failing.getOutcome()).isEqualTo(Outcome.AUTH_ERROR);
        assertThat(succeeding.getOutcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(failing.toString() + succeeding).doesNotContain(KEY).doesNotContain("secret-key");
        assertThat(failing.getMessage()).isEqualTo("HTTP 401: Incorrect API key provided: ****. Header was "
                + "Authorization: Bearer ****");
        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage)
                .noneMatch(line -> line.contains(KEY) || line.contains("secret-key"));
    }

    @Test
    void headerValuesAreSentButNeverReachTheEventOrTheLogs() {
        TargetConfig target = target("gateway").withHeaders(Map.of("x-gateway-token", Secret.of(GATEWAY_TOKEN),
                "x-tenant", Secret.of("acme")));

        ProbeResult result = prober.probe(target, Instant.now()).block(Duration.ofSeconds(10));

        assertThat(result.getOutcome()).isEqualTo(Outcome.AUTH_ERROR);
        assertThat(result.getMessage()).as("both headers arrived; their values are secrets")
                .isEqualTo("HTTP 403: Gateway token **** is not allowed for tenant ****");
        assertThat(result.toString()).doesNotContain(GATEWAY_TOKEN);
        assertThat(target.toString()).doesNotContain(GATEWAY_TOKEN);
        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage)
                .noneMatch(line -> line.contains(GATEWAY_TOKEN));
    }

    @Test
    void bodyOverOneMebibyteIsCutOffAsInvalid() {
        ProbeResult result = probe("huge");

        assertThat(result.getOutcome()).isEqualTo(Outcome.INVALID_RESPONSE);
        assertThat(result.getMessage()).isEqualTo("ResponseTooLargeException: response body larger than 1024 KiB");
    }

    private ProbeResult probe(String path) {
        return prober.probe(target(path), Instant.now()).block(Duration.ofSeconds(10));
    }

    private TargetConfig target(String path) {
        TargetConfig target = Targets.target("http://127.0.0.1:" + server.port() + "/" + path + "/v1", "m",
                CheckType.CHAT);
        assertThat(target.apiKey().reveal()).isEqualTo(KEY);
        return target;
    }
}
