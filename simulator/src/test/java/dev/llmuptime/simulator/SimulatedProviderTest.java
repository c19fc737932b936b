package dev.llmuptime.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SimulatedProviderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CHAT = "{\"model\":\"%s\",\"max_tokens\":5,\"messages\":[{\"role\":\"user\","
            + "\"content\":\"Reply with the single word OK.\"}]%s}";
    private static final String STREAM = ",\"stream\":true,\"stream_options\":{\"include_usage\":true}";

    private final HttpClient http = HttpClient.newHttpClient();
    private SimulatedProvider sim;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void listsItsModels() throws Exception {
        start(Pacing.INSTANT);

        HttpResponse<String> response = get("/v1/models");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("object").asText()).isEqualTo("list");
        assertThat(body.path("data").findValuesAsText("id")).containsExactly("sim-small", "sim-large", "sim-embed");
    }

    @Test
    void answersAChatCompletionAsOpenAiDoes() throws Exception {
        start(Pacing.INSTANT);

        HttpResponse<String> response = post("/v1/chat/completions", CHAT.formatted("sim-small", ""));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(response.headers().firstValue("x-request-id")).hasValueSatisfying(id -> assertThat(id).startsWith("req_"));
        assertThat(response.headers().firstValue("x-ratelimit-remaining-requests")).isPresent();
        assertThat(response.headers().firstValue("x-ratelimit-remaining-tokens")).isPresent();
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("object").asText()).isEqualTo("chat.completion");
        assertThat(body.path("model").asText()).isEqualTo("sim-small");
        JsonNode choice = body.path("choices").get(0);
        assertThat(choice.path("message").path("role").asText()).isEqualTo("assistant");
        assertThat(choice.path("message").path("content").asText()).isEqualTo("OK. The simulated model");
        assertThat(choice.path("finish_reason").asText()).isEqualTo("length");
        assertThat(body.path("usage").path("completion_tokens").asInt()).isEqualTo(5);
        assertThat(body.path("usage").path("total_tokens").asInt())
                .isEqualTo(body.path("usage").path("prompt_tokens").asInt() + 5);
    }

    @Test
    void streamsServerSentEventsWithUsageAndTerminator() throws Exception {
        start(Pacing.INSTANT);

        HttpResponse<String> response = post("/v1/chat/completions", CHAT.formatted("sim-small", STREAM));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        List<String> events = events(response.body());
        assertThat(events.get(events.size() - 1)).isEqualTo("[DONE]");
        List<JsonNode> chunks = new ArrayList<>();
        for (String event : events.subList(0, events.size() - 1)) {
            chunks.add(JSON.readTree(event));
        }
        assertThat(chunks.get(0).path("choices").get(0).path("delta").path("role").asText()).isEqualTo("assistant");
        StringBuilder content = new StringBuilder();
        chunks.forEach(chunk -> chunk.path("choices").forEach(c -> content.append(c.path("delta").path("content").asText())));
        assertThat(content).hasToString("OK. The simulated model");
        JsonNode finish = chunks.get(chunks.size() - 2);
        assertThat(finish.path("choices").get(0).path("finish_reason").asText()).isEqualTo("length");
        JsonNode usage = chunks.get(chunks.size() - 1);
        assertThat(usage.path("choices")).isEmpty();
        assertThat(usage.path("usage").path("completion_tokens").asInt()).isEqualTo(5);
        assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.path("object").asText()).isEqualTo("chat.completion.chunk"));
    }

    @Test
    void streamWithoutIncludeUsageHasNoUsageChunk() throws Exception {
        start(Pacing.INSTANT);

        HttpResponse<String> response = post("/v1/chat/completions", CHAT.formatted("sim-small", ",\"stream\":true"));

        List<String> events = events(response.body());
        assertThat(events).last().isEqualTo("[DONE]");
        assertThat(events).noneMatch(event -> event.contains("\"usage\""));
    }

    @Test
    void streamArrivesTokenByToken() throws Exception {
        start(new Pacing(Duration.ZERO, Duration.ofMillis(100)));

        HttpResponse<InputStream> response = http.send(request("/v1/chat/completions")
                .POST(HttpRequest.BodyPublishers.ofString(CHAT.formatted("sim-small", STREAM))).build(),
                HttpResponse.BodyHandlers.ofInputStream());

        long firstEvent = 0;
        long done = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("data: ") && firstEvent == 0) {
                    firstEvent = System.nanoTime();
                }
                if (line.equals("data: [DONE]")) {
                    done = System.nanoTime();
                }
            }
        }
        // 5 tokens, 100 ms apart: the first event must have been read well before the last.
        assertThat(Duration.ofNanos(done - firstEvent)).isGreaterThanOrEqualTo(Duration.ofMillis(350));
    }

    @Test
    void embeddingsReturnAVectorPerInput() throws Exception {
        start(Pacing.INSTANT);

        HttpResponse<String> response = post("/v1/embeddings", "{\"model\":\"sim-embed\",\"input\":[\"a\",\"b c\"]}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode data = JSON.readTree(response.body()).path("data");
        assertThat(data).hasSize(2);
        assertThat(data.get(0).path("embedding").size()).isPositive();
    }

    @Test
    void unknownModelIsNotFound() throws Exception {
        start(Pacing.INSTANT);

        HttpResponse<String> response = post("/v1/chat/completions", CHAT.formatted("gpt-9", ""));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(error(response).path("code").asText()).isEqualTo("model_not_found");
    }

    @Test
    void malformedRequestIsABadRequest() throws Exception {
        start(Pacing.INSTANT);

        HttpResponse<String> response = post("/v1/chat/completions", "{\"model\": ");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(error(response).path("type").asText()).isEqualTo("invalid_request_error");
    }

    @Test
    void errorModeAnswersWithTheStatusForThatModelOnly() throws Exception {
        start(Pacing.INSTANT);
        setFault("{\"model\":\"sim-small\",\"mode\":\"error\",\"status\":503}");

        HttpResponse<String> failing = post("/v1/chat/completions", CHAT.formatted("sim-small", ""));
        HttpResponse<String> other = post("/v1/chat/completions", CHAT.formatted("sim-large", ""));

        assertThat(failing.statusCode()).isEqualTo(503);
        assertThat(error(failing).path("type").asText()).isEqualTo("server_error");
        assertThat(failing.headers().firstValue("x-request-id")).isPresent();
        assertThat(other.statusCode()).isEqualTo(200);
    }

    @Test
    void quotaErrorIsShapedAsOpenAiDoes() throws Exception {
        start(Pacing.INSTANT);
        setFault("{\"model\":\"*\",\"mode\":\"error\",\"status\":429}");

        HttpResponse<String> response = post("/v1/chat/completions", CHAT.formatted("sim-small", ""));

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(error(response).path("code").asText()).isEqualTo("insufficient_quota");
    }

    @Test
    void rateLimitModeSaysWhenToRetry() throws Exception {
        start(Pacing.INSTANT);
        setFault("{\"model\":\"*\",\"mode\":\"rate-limit\"}");

        HttpResponse<String> response = post("/v1/chat/completions", CHAT.formatted("sim-small", ""));

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("retry-after")).hasValue("1");
        assertThat(response.headers().firstValue("x-ratelimit-remaining-requests")).hasValue("0");
        assertThat(error(response).path("code").asText()).isEqualTo("rate_limit_exceeded");
    }

    @Test
    void streamErrorModeSendsAnErrorEventHalfwayAndNoTerminator() throws Exception {
        start(Pacing.INSTANT);
        setFault("{\"model\":\"*\",\"mode\":\"stream-error\",\"status\":500}");

        HttpResponse<String> response = post("/v1/chat/completions", CHAT.formatted("sim-small", STREAM));

        assertThat(response.statusCode()).isEqualTo(200);
        List<String> events = events(response.body());
        assertThat(events).doesNotContain("[DONE]");
        assertThat(JSON.readTree(events.get(events.size() - 1)).path("error").path("type").asText())
                .isEqualTo("server_error");
        assertThat(post("/v1/chat/completions", CHAT.formatted("sim-small", "")).statusCode()).isEqualTo(500);
    }

    @Test
    void contentFilterModeStopsTheAnswerWithItsFinishReason() throws Exception {
        start(Pacing.INSTANT);
        setFault("{\"model\":\"*\",\"mode\":\"content-filter\"}");

        List<String> events = events(post("/v1/chat/completions", CHAT.formatted("sim-small", STREAM)).body());

        assertThat(events).last().isEqualTo("[DONE]");
        assertThat(events).anyMatch(event -> event.contains("\"finish_reason\":\"content_filter\""));
    }

    @Test
    void slowModeAddsLatency() throws Exception {
        start(Pacing.INSTANT);
        setFault("{\"model\":\"sim-small\",\"mode\":\"slow\",\"latencyMs\":400}");

        long start = System.nanoTime();
        HttpResponse<String> response = post("/v1/chat/completions", CHAT.formatted("sim-small", STREAM));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(events(response.body())).last().isEqualTo("[DONE]");
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }

    @Test
    void hangModeNeverAnswers() throws Exception {
        start(Pacing.INSTANT);
        setFault("{\"model\":\"*\",\"mode\":\"hang\"}");

        assertThatThrownBy(() -> http.send(request("/v1/chat/completions").timeout(Duration.ofMillis(500))
                .POST(HttpRequest.BodyPublishers.ofString(CHAT.formatted("sim-small", ""))).build(),
                HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void garbageModeAnswersTwoHundredWithoutJson() throws Exception {
        start(Pacing.INSTANT);
        setFault("{\"model\":\"*\",\"mode\":\"garbage\"}");

        HttpResponse<String> response = post("/v1/chat/completions", CHAT.formatted("sim-small", ""));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> JSON.readTree(response.body())).isInstanceOf(Exception.class);
    }

    @Test
    void truncateModeEndsTheStreamWithoutTerminatorOrFinishReason() throws Exception {
        start(Pacing.INSTANT);
        setFault("{\"model\":\"*\",\"mode\":\"truncate\"}");

        HttpResponse<String> response = post("/v1/chat/completions", CHAT.formatted("sim-small", STREAM));

        assertThat(response.statusCode()).isEqualTo(200);
        List<String> events = events(response.body());
        assertThat(events).isNotEmpty().doesNotContain("[DONE]");
        assertThat(response.body()).doesNotContain("\"finish_reason\":\"length\"");
    }

    @Test
    void truncateModeCutsAJsonAnswerInHalf() throws Exception {
        start(Pacing.INSTANT);
        setFault("{\"model\":\"*\",\"mode\":\"truncate\"}");

        HttpResponse<String> response = post("/v1/chat/completions", CHAT.formatted("sim-small", ""));

        assertThat(response.body()).startsWith("{\"id\":\"chatcmpl-");
        assertThatThrownBy(() -> JSON.readTree(response.body())).isInstanceOf(Exception.class);
    }

    @Test
    void dripModeTricklesBytes() throws Exception {
        start(Pacing.INSTANT);
        setFault("{\"model\":\"*\",\"mode\":\"drip\",\"latencyMs\":200}");

        HttpResponse<InputStream> response = http.send(request("/v1/chat/completions")
                .POST(HttpRequest.BodyPublishers.ofString(CHAT.formatted("sim-small", ""))).build(),
                HttpResponse.BodyHandlers.ofInputStream());

        assertThat(response.statusCode()).isEqualTo(200);
        try (InputStream body = response.body()) {
            long start = System.nanoTime();
            for (int i = 0; i < 4; i++) {
                assertThat(body.read()).isNotNegative();
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        }
    }

    @Test
    void probabilityAppliesTheFaultToAShareOfRequests() throws Exception {
        sim = SimulatedProvider.start("127.0.0.1", 0, SimulatedProvider.DEFAULT_MODELS, Pacing.INSTANT,
                RandomGenerator.of("L64X128MixRandom"));
        setFault("{\"model\":\"sim-small\",\"mode\":\"error\",\"status\":500,\"probability\":0.5}");

        int failed = 0;
        for (int i = 0; i < 100; i++) {
            if (post("/v1/chat/completions", CHAT.formatted("sim-small", "")).statusCode() == 500) {
                failed++;
            }
        }

        assertThat(failed).isBetween(25, 75);
    }

    @Test
    void modelsEndpointFollowsTheAllModelsFault() throws Exception {
        start(Pacing.INSTANT);
        setFault("{\"model\":\"*\",\"mode\":\"error\",\"status\":502}");

        assertThat(get("/v1/models").statusCode()).isEqualTo(502);
    }

    @Test
    void faultsCanBeReadAndClearedOverHttp() throws Exception {
        start(Pacing.INSTANT);
        setFault("{\"model\":\"sim-small\",\"mode\":\"slow\",\"latencyMs\":3000}");
        setFault("{\"model\":\"sim-large\",\"mode\":\"error\",\"status\":500}");

        JsonNode faults = JSON.readTree(get("/_sim/faults").body()).path("faults");
        assertThat(faults.findValuesAsText("model")).containsExactly("sim-large", "sim-small");
        assertThat(faults.findValuesAsText("mode")).containsExactly("error", "slow");

        setFault("{\"model\":\"*\",\"mode\":\"healthy\"}");
        assertThat(JSON.readTree(get("/_sim/faults").body()).path("faults")).isEmpty();
        assertThat(post("/v1/chat/completions", CHAT.formatted("sim-large", "")).statusCode()).isEqualTo(200);
    }

    @Test
    void badFaultIsRejectedWithTheReason() throws Exception {
        start(Pacing.INSTANT);

        HttpResponse<String> response = post("/_sim/faults", "{\"model\":\"*\",\"mode\":\"explode\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(error(response).path("message").asText()).contains("unknown mode 'explode'");
    }

    private void start(Pacing pacing) {
        sim = SimulatedProvider.start("127.0.0.1", 0, SimulatedProvider.DEFAULT_MODELS, pacing,
                RandomGenerator.getDefault());
    }

    private void setFault(String fault) throws Exception {
        assertThat(post("/_sim/faults", fault).statusCode()).isEqualTo(200);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + sim.port() + path))
                .header("content-type", "application/json").timeout(Duration.ofSeconds(10));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(request(path).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode error(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body()).path("error");
    }

    private static List<String> events(String body) {
        List<String> events = new ArrayList<>();
        for (String block : body.split("\n\n")) {
            if (block.startsWith("data: ")) {
                events.add(block.substring("data: ".length()));
            }
        }
        return events;
    }
}
