package dev.llmuptime.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The simulator speaking Azure OpenAI: deployments, api-version, api-key, its errors and its content filter. */
class AzureRoutesTest {

    private static final String CHAT = "{\"max_tokens\":5,\"messages\":[{\"role\":\"user\","
            + "\"content\":\"Reply with the single word OK.\"}]}";
    private static final String PATH = "/openai/deployments/%s/chat/completions?api-version=2024-10-21";
    private static final String[] KEY = {"api-key", "any"};

    private final SimClient client = new SimClient();

    @AfterEach
    void stop() {
        client.close();
    }

    @Test
    void answersOnADeploymentWithAzuresHeaders() throws Exception {
        HttpResponse<String> response = client.post(PATH.formatted("sim-small"), CHAT, KEY);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("apim-request-id")).isPresent();
        assertThat(response.headers().firstValue("x-ratelimit-remaining-tokens")).hasValue("1999000");
        JsonNode body = SimClient.json(response);
        assertThat(body.path("model").asText()).isEqualTo("sim-small");
        assertThat(body.path("choices").path(0).path("message").path("content").asText())
                .isEqualTo("OK. The simulated model");
    }

    @Test
    void servesEmbeddingsOnADeployment() throws Exception {
        HttpResponse<String> response = client.post("/openai/deployments/sim-embed/embeddings?api-version=2024-10-21",
                "{\"input\":\"hello\"}", KEY);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(SimClient.json(response).path("data").path(0).path("embedding").size()).isPositive();
    }

    @Test
    void wantsAKeyAnApiVersionAndAKnownDeployment() throws Exception {
        HttpResponse<String> keyless = client.post(PATH.formatted("sim-small"), CHAT);
        assertThat(keyless.statusCode()).isEqualTo(401);
        assertThat(SimClient.json(keyless).path("error").path("code").asText()).isEqualTo("401");

        HttpResponse<String> unversioned = client.post("/openai/deployments/sim-small/chat/completions", CHAT, KEY);
        assertThat(unversioned.statusCode()).isEqualTo(404);
        assertThat(SimClient.json(unversioned).path("error").path("message").asText()).isEqualTo("Resource not found");

        HttpResponse<String> unknown = client.post(PATH.formatted("gpt-9"), CHAT, KEY);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(SimClient.json(unknown).path("error").path("code").asText()).isEqualTo("DeploymentNotFound");
    }

    @Test
    void contentFilterStopsTheAnswerAndNamesTheCategory() throws Exception {
        client.fault("{\"model\":\"*\",\"mode\":\"content-filter\"}");

        JsonNode choice = SimClient.json(client.post(PATH.formatted("sim-small"), CHAT, KEY)).path("choices").path(0);

        assertThat(choice.path("finish_reason").asText()).isEqualTo("content_filter");
        assertThat(choice.path("content_filter_results").path("violence").path("filtered").asBoolean()).isTrue();
        assertThat(choice.path("message").path("content").asText()).isEqualTo("OK.");
    }

    @Test
    void rateLimitTakesAzuresShape() throws Exception {
        client.fault("{\"model\":\"*\",\"mode\":\"rate-limit\"}");

        HttpResponse<String> response = client.post(PATH.formatted("sim-small"), CHAT, KEY);

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("retry-after")).hasValue("1");
        assertThat(SimClient.json(response).path("error").path("code").asText()).isEqualTo("429");
    }
}
