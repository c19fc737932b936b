package dev.llmuptime.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The simulator speaking Anthropic's Messages API: its shapes, headers, errors and faults. */
class AnthropicRoutesTest {

    private static final String MESSAGE = "{\"model\":\"%s\",\"max_tokens\":5,\"messages\":[{\"role\":\"user\","
            + "\"content\":\"Reply with the single word OK.\"}]%s}";
    private static final String[] AUTH = {"x-api-key", "any", "anthropic-version", "2023-06-01"};

    private final SimClient client = new SimClient();

    @AfterEach
    void stop() {
        client.close();
    }

    @Test
    void answersAMessageWithAnthropicsHeaders() throws Exception {
        HttpResponse<String> response = client.post("/v1/messages", MESSAGE.formatted("sim-small", ""), AUTH);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("request-id")).hasValueSatisfying(id -> assertThat(id).startsWith("req_"));
        assertThat(response.headers().firstValue("anthropic-ratelimit-requests-remaining")).isPresent();
        assertThat(response.headers().firstValue("anthropic-ratelimit-tokens-remaining")).hasValue("399000");
        JsonNode body = SimClient.json(response);
        assertThat(body.path("type").asText()).isEqualTo("message");
        assertThat(body.path("id").asText()).startsWith("msg_");
        assertThat(body.path("content").path(0).path("text").asText()).isEqualTo("OK. The simulated model");
        assertThat(body.path("stop_reason").asText()).isEqualTo("max_tokens");
        assertThat(body.path("usage").path("output_tokens").asInt()).isEqualTo(5);
    }

    @Test
    void streamsTheEventsOfAMessageInOrder() throws Exception {
        HttpResponse<String> response = client.post("/v1/messages", MESSAGE.formatted("sim-small", ",\"stream\":true"),
                AUTH);

        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        assertThat(SimClient.fields(response.body(), "event: ")).containsExactly("message_start",
                "content_block_start", "ping", "content_block_delta", "content_block_delta", "content_block_delta",
                "content_block_delta", "content_block_delta", "content_block_stop", "message_delta", "message_stop");
        List<String> data = SimClient.fields(response.body(), "data: ");
        JsonNode messageDelta = SimClient.JSON.readTree(data.get(data.size() - 2));
        assertThat(messageDelta.path("delta").path("stop_reason").asText()).isEqualTo("max_tokens");
        assertThat(messageDelta.path("usage").path("output_tokens").asInt()).isEqualTo(5);
        assertThat(SimClient.JSON.readTree(data.get(3)).path("delta").path("text").asText()).isEqualTo("OK");
    }

    @Test
    void wantsAKeyAnApiVersionAndMaxTokens() throws Exception {
        HttpResponse<String> keyless = client.post("/v1/messages", MESSAGE.formatted("sim-small", ""),
                "anthropic-version", "2023-06-01");
        assertThat(keyless.statusCode()).isEqualTo(401);
        assertThat(SimClient.json(keyless).path("error").path("type").asText()).isEqualTo("authentication_error");

        HttpResponse<String> unversioned = client.post("/v1/messages", MESSAGE.formatted("sim-small", ""),
                "x-api-key", "any");
        assertThat(unversioned.statusCode()).isEqualTo(400);
        assertThat(SimClient.json(unversioned).path("error").path("message").asText())
                .isEqualTo("anthropic-version: header is required");

        HttpResponse<String> unbounded = client.post("/v1/messages",
                "{\"model\":\"sim-small\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", AUTH);
        assertThat(unbounded.statusCode()).isEqualTo(400);
        assertThat(SimClient.json(unbounded).path("type").asText()).isEqualTo("error");
    }

    @Test
    void listsAndDescribesModelsToAnthropicClients() throws Exception {
        JsonNode list = SimClient.json(client.get("/v1/models", AUTH));
        assertThat(list.path("data").findValuesAsText("id")).containsExactly("sim-small", "sim-large", "sim-embed");
        assertThat(list.path("has_more").asBoolean(true)).isFalse();

        assertThat(SimClient.json(client.get("/v1/models/sim-small", AUTH)).path("type").asText()).isEqualTo("model");
        HttpResponse<String> unknown = client.get("/v1/models/claude-9", AUTH);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(SimClient.json(unknown).path("error").path("type").asText()).isEqualTo("not_found_error");
    }

    @Test
    void faultsTakeAnthropicsShapes() throws Exception {
        client.fault("{\"model\":\"*\",\"mode\":\"error\",\"status\":529}");
        HttpResponse<String> overloaded = client.post("/v1/messages", MESSAGE.formatted("sim-small", ""), AUTH);
        assertThat(overloaded.statusCode()).isEqualTo(529);
        assertThat(SimClient.json(overloaded).path("error").path("type").asText()).isEqualTo("overloaded_error");

        client.fault("{\"model\":\"*\",\"mode\":\"rate-limit\"}");
        HttpResponse<String> limited = client.post("/v1/messages", MESSAGE.formatted("sim-small", ""), AUTH);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("retry-after")).hasValue("1");
        assertThat(limited.headers().firstValue("anthropic-ratelimit-requests-remaining")).hasValue("0");
        assertThat(SimClient.json(limited).path("error").path("type").asText()).isEqualTo("rate_limit_error");

        client.fault("{\"model\":\"*\",\"mode\":\"content-filter\"}");
        assertThat(SimClient.json(client.post("/v1/messages", MESSAGE.formatted("sim-small", ""), AUTH))
                .path("stop_reason").asText()).isEqualTo("refusal");
    }

    @Test
    void streamErrorModeSendsAnErrorEventMidStream() throws Exception {
        client.fault("{\"model\":\"*\",\"mode\":\"stream-error\"}");

        HttpResponse<String> response = client.post("/v1/messages", MESSAGE.formatted("sim-small", ",\"stream\":true"),
                AUTH);

        assertThat(response.statusCode()).isEqualTo(200);
        List<String> events = SimClient.fields(response.body(), "event: ");
        assertThat(events).contains("content_block_delta").doesNotContain("message_stop").last().isEqualTo("error");
        List<String> data = SimClient.fields(response.body(), "data: ");
        assertThat(SimClient.JSON.readTree(data.get(data.size() - 1)).path("error").path("type").asText())
                .isEqualTo("overloaded_error");
    }
}
