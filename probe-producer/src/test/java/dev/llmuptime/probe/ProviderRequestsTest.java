package dev.llmuptime.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmuptime.config.CheckType;
import dev.llmuptime.config.Provider;
import dev.llmuptime.config.Secret;
import dev.llmuptime.config.TargetConfig;
import io.netty.handler.codec.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/** What each provider's probe puts on the wire: URL, credentials and body, as a server records them. */
class ProviderRequestsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AtomicReference<Recorded> recorded = new AtomicReference<>();
    private DisposableServer server;
    private ProbeHttpClient http;
    private Prober prober;

    /** One request as the server saw it. */
    private record Recorded(String method, String uri, HttpHeaders headers, JsonNode body) {
    }

    @BeforeEach
    void start() {
        server = HttpServer.create().host("127.0.0.1").port(0)
                .handle((request, response) -> request.receive().aggregate().asString().defaultIfEmpty("{}")
                        .flatMap(body -> {
                            try {
                                recorded.set(new Recorded(request.method().name(), request.uri(),
                                        request.requestHeaders().copy(), JSON.readTree(body)));
                            } catch (Exception e) {
                                return Mono.error(e);
                            }
                            return response.status(500).send().then();
                        }))
                .bindNow();
        http = new ProbeHttpClient(10);
        prober = new Prober(http.client(), JSON, Clock.systemUTC(), "r", "p");
    }

    @AfterEach
    void stop() {
        http.close();
        server.disposeNow();
    }

    @Test
    void openAiSendsABearerKeyAndAskForTheUsageOfAStream() {
        Recorded request = probe(Targets.target(Provider.OPENAI, base() + "/v1", "gpt-4o-mini", CheckType.CHAT_STREAM));

        assertThat(request.uri()).isEqualTo("/v1/chat/completions");
        assertThat(request.headers().get("authorization")).isEqualTo("Bearer " + Targets.KEY);
        assertThat(request.body().path("stream_options").path("include_usage").asBoolean()).isTrue();
        assertThat(request.body().path("max_tokens").asInt()).isEqualTo(5);
    }

    @Test
    void azureSendsToTheDeploymentWithTheApiVersionAndAnApiKeyHeader() {
        Recorded request = probe(Targets.azure(base(), "gpt4o-prod", CheckType.CHAT));

        assertThat(request.uri()).isEqualTo("/openai/deployments/gpt4o-prod/chat/completions?api-version=2024-10-21");
        assertThat(request.headers().get("api-key")).isEqualTo(Targets.KEY);
        assertThat(request.headers().contains("authorization")).isFalse();
    }

    @Test
    void anthropicSendsItsKeyAndApiVersionToMessages() {
        Recorded request = probe(Targets.target(Provider.ANTHROPIC, base() + "/v1", "claude-3-5-haiku-latest",
                CheckType.CHAT_STREAM));

        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.uri()).isEqualTo("/v1/messages");
        assertThat(request.headers().get("x-api-key")).isEqualTo(Targets.KEY);
        assertThat(request.headers().get("anthropic-version")).isEqualTo("2023-06-01");
        assertThat(request.headers().contains("authorization")).isFalse();
        assertThat(request.body().path("stream").asBoolean()).isTrue();
        assertThat(request.body().has("stream_options")).isFalse();
        assertThat(request.body().path("messages").path(0).path("content").asText())
                .isEqualTo("Reply with the single word OK.");

        Recorded models = probe(Targets.target(Provider.ANTHROPIC, base() + "/v1", "claude-3-5-haiku-latest",
                CheckType.MODELS));
        assertThat(models.method()).isEqualTo("GET");
        assertThat(models.uri()).isEqualTo("/v1/models/claude-3-5-haiku-latest");
    }

    @Test
    void geminiStreamsServerSentEventsWithItsKeyInAHeader() {
        Recorded request = probe(Targets.target(Provider.GEMINI, base() + "/v1beta", "gemini-2.0-flash",
                CheckType.CHAT_STREAM));

        assertThat(request.uri()).isEqualTo("/v1beta/models/gemini-2.0-flash:streamGenerateContent?alt=sse");
        assertThat(request.headers().get("x-goog-api-key")).isEqualTo(Targets.KEY);
        assertThat(request.body().path("generationConfig").path("maxOutputTokens").asInt()).isEqualTo(5);
        assertThat(request.body().path("contents").path(0).path("parts").path(0).path("text").asText())
                .isEqualTo("Reply with the single word OK.");
    }

    @Test
    void extraHeadersAreSentAndReplaceTheProvidersOwn() {
        TargetConfig target = Targets.target(Provider.ANTHROPIC, base() + "/v1", "claude", CheckType.CHAT)
                .withHeaders(Map.of("anthropic-version", Secret.of("2099-01-01"), "x-gateway-token", Secret.of("gw-1")));

        Recorded request = probe(target);

        assertThat(request.headers().getAll("anthropic-version")).containsExactly("2099-01-01");
        assertThat(request.headers().get("x-gateway-token")).isEqualTo("gw-1");
        assertThat(request.headers().get("x-api-key")).isEqualTo(Targets.KEY);
    }

    private String base() {
        return "http://127.0.0.1:" + server.port();
    }

    private Recorded probe(TargetConfig target) {
        recorded.set(null);
        assertThat(prober.probe(target, Instant.now()).block(Duration.ofSeconds(10))).isNotNull();
        assertThat(recorded.get()).isNotNull();
        return recorded.get();
    }
}
