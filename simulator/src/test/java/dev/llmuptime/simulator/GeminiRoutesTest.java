package dev.llmuptime.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The simulator speaking Gemini's generateContent API: its shapes, errors and faults. */
class GeminiRoutesTest {

    private static final String REQUEST = "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":"
            + "\"Reply with the single word OK.\"}]}],\"generationConfig\":{\"maxOutputTokens\":5}}";
    private static final String[] KEY = {"x-goog-api-key", "any"};

    private final SimClient client = new SimClient();

    @AfterEach
    void stop() {
        client.close();
    }

    @Test
    void generatesContentAsGeminiDoes() throws Exception {
        HttpResponse<String> response = client.post("/v1beta/models/sim-small:generateContent", REQUEST, KEY);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = SimClient.json(response);
        JsonNode candidate = body.path("candidates").path(0);
        assertThat(candidate.path("content").path("parts").path(0).path("text").asText())
                .isEqualTo("OK. The simulated model");
        assertThat(candidate.path("finishReason").asText()).isEqualTo("MAX_TOKENS");
        assertThat(body.path("usageMetadata").path("candidatesTokenCount").asInt()).isEqualTo(5);
        assertThat(body.path("responseId").asText()).isNotEmpty();
    }

    @Test
    void streamsServerSentEventsWithAltSseAndAJsonArrayWithout() throws Exception {
        HttpResponse<String> sse = client.post("/v1beta/models/sim-small:streamGenerateContent?alt=sse", REQUEST, KEY);

        assertThat(sse.headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        assertThat(sse.body()).contains("\r\n\r\n");
        List<String> events = SimClient.fields(sse.body(), "data: ");
        assertThat(events).hasSize(5);
        JsonNode last = SimClient.JSON.readTree(events.get(4));
        assertThat(last.path("candidates").path(0).path("finishReason").asText()).isEqualTo("MAX_TOKENS");
        assertThat(last.path("usageMetadata").path("candidatesTokenCount").asInt()).isEqualTo(5);
        assertThat(SimClient.JSON.readTree(events.get(0)).path("candidates").path(0).has("finishReason")).isFalse();

        JsonNode array = SimClient.json(client.post("/v1beta/models/sim-small:streamGenerateContent", REQUEST, KEY));
        assertThat(array.isArray()).isTrue();
        assertThat(array).hasSize(5);
    }

    @Test
    void wantsAKeyInAHeaderOrTheQuery() throws Exception {
        HttpResponse<String> keyless = client.post("/v1beta/models/sim-small:generateContent", REQUEST);
        assertThat(keyless.statusCode()).isEqualTo(403);
        assertThat(SimClient.json(keyless).path("error").path("status").asText()).isEqualTo("PERMISSION_DENIED");

        assertThat(client.post("/v1beta/models/sim-small:generateContent?key=any", REQUEST).statusCode())
                .isEqualTo(200);
    }

    @Test
    void listsAndDescribesModelsAndDeniesUnknownOnes() throws Exception {
        JsonNode list = SimClient.json(client.get("/v1beta/models", KEY));
        assertThat(list.path("models").findValuesAsText("name")).containsExactly("models/sim-small",
                "models/sim-large", "models/sim-embed");
        assertThat(SimClient.json(client.get("/v1beta/models/sim-large", KEY)).path("name").asText())
                .isEqualTo("models/sim-large");

        HttpResponse<String> unknown = client.post("/v1beta/models/gemini-9:generateContent", REQUEST, KEY);
        assertThat(unknown.statusCode()).isEqualTo(404);
        JsonNode error = SimClient.json(unknown).path("error");
        assertThat(error.path("status").asText()).isEqualTo("NOT_FOUND");
        assertThat(error.path("code").asInt()).isEqualTo(404);
    }

    @Test
    void faultsTakeGooglesShapes() throws Exception {
        client.fault("{\"model\":\"*\",\"mode\":\"rate-limit\"}");
        HttpResponse<String> limited = client.post("/v1beta/models/sim-small:generateContent", REQUEST, KEY);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(SimClient.json(limited).path("error").path("status").asText()).isEqualTo("RESOURCE_EXHAUSTED");

        client.fault("{\"model\":\"*\",\"mode\":\"error\",\"status\":503}");
        assertThat(SimClient.json(client.post("/v1beta/models/sim-small:generateContent", REQUEST, KEY))
                .path("error").path("status").asText()).isEqualTo("UNAVAILABLE");

        client.fault("{\"model\":\"*\",\"mode\":\"content-filter\"}");
        assertThat(SimClient.json(client.post("/v1beta/models/sim-small:generateContent", REQUEST, KEY))
                .path("candidates").path(0).path("finishReason").asText()).isEqualTo("SAFETY");
    }
}
