package dev.llmuptime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The keys of Azure OpenAI, Anthropic and Gemini targets, and extra headers: defaults and one-line errors. */
class ProviderTargetsTest {

    private static final Map<String, String> ENV = Map.of("GATEWAY_TOKEN", "gw-secret-value-42");

    @Test
    void azureTargetTakesItsDeploymentAndDefaultsTheApiVersion() {
        TargetConfig target = target("""
                {id: a, provider: azure-openai, base-url: "https://r.openai.azure.com", deployment: gpt4o-prod, model: gpt-4o, check: chat}
                """);

        assertThat(target.deployment()).isEqualTo("gpt4o-prod");
        assertThat(target.apiVersion()).isEqualTo(TargetConfig.DEFAULT_AZURE_API_VERSION).isEqualTo("2024-10-21");
        assertThat(target("""
                {id: a, provider: azure-openai, base-url: "https://r.openai.azure.com", deployment: d, model: m, api-version: 2025-04-01-preview}
                """).apiVersion()).isEqualTo("2025-04-01-preview");
        assertThat(target("""
                {id: a, provider: azure-openai, base-url: "https://r.openai.azure.com", deployment: d, model: m, api-version: 2024-06-01}
                """).apiVersion()).as("a date written bare is still the version").isEqualTo("2024-06-01");
    }

    @Test
    void anthropicAndGeminiDefaultToTheirPublicEndpoints() {
        assertThat(target("{id: a, provider: anthropic, model: claude-3-5-haiku-latest}").baseUrl())
                .isEqualTo(URI.create("https://api.anthropic.com/v1"));
        assertThat(target("{id: g, provider: gemini, model: gemini-2.0-flash}").baseUrl())
                .isEqualTo(URI.create("https://generativelanguage.googleapis.com/v1beta"));
    }

    @Test
    void azureWithoutDeploymentOrEndpointIsAnError() {
        assertError("{id: a, provider: azure-openai, base-url: \"https://r.openai.azure.com\", model: m}",
                "monitor.yaml:3: probes.targets[0].deployment is required and must not be empty");
        assertError("{id: a, provider: azure-openai, deployment: d, model: m}",
                "monitor.yaml:3: probes.targets[0].base-url is required for provider azure-openai (your resource's "
                        + "endpoint, e.g. https://my-resource.openai.azure.com)");
    }

    @Test
    void badDeploymentOrApiVersionIsAnError() {
        assertError("{id: a, provider: azure-openai, base-url: \"https://r.openai.azure.com\", deployment: \"a/b\", model: m}",
                "probes.targets[0].deployment 'a/b' must be 1 to 64 letters, digits, '.', '_' or '-'");
        assertError("{id: a, provider: azure-openai, base-url: \"https://r.openai.azure.com\", deployment: d, model: m, "
                + "api-version: latest}", "probes.targets[0].api-version 'latest' must be a date like 2024-10-21, "
                + "or one like 2025-04-01-preview");
    }

    @Test
    void azureKeysOnAnotherProviderAreAnError() {
        assertError("{id: a, provider: openai, model: m, deployment: d}",
                "probes.targets[0].deployment is used only by provider azure-openai, not openai");
        assertError("{id: a, provider: anthropic, model: m, api-version: 2024-10-21}",
                "probes.targets[0].api-version is used only by provider azure-openai, not anthropic");
    }

    @Test
    void checkTheProviderDoesNotOfferIsAnError() {
        assertError("{id: a, provider: anthropic, model: m, check: embeddings}",
                "monitor.yaml:3: probes.targets[0].check embeddings is not offered by provider anthropic "
                        + "(expected one of models, chat, chat-stream)");
        assertError("{id: a, provider: azure-openai, base-url: \"https://r.openai.azure.com\", deployment: d, model: m, "
                + "check: models}", "probes.targets[0].check models is not offered by provider azure-openai "
                + "(expected one of chat, chat-stream, embeddings)");
    }

    @Test
    void headersAreSecretsAndEmptyOnesAreLeftOut() {
        TargetConfig target = target("""
                {id: a, model: m, headers: {x-gateway-token: "${GATEWAY_TOKEN}", x-optional: "${UNSET:-}"}}
                """);

        assertThat(target.headers()).containsOnlyKeys("x-gateway-token");
        assertThat(target.headers().get("x-gateway-token").reveal()).isEqualTo("gw-secret-value-42");
        assertThat(target.toString()).doesNotContain("gw-secret-value-42");
        assertThat(target.secrets()).extracting(Secret::reveal).contains("gw-secret-value-42");
    }

    @Test
    void badHeaderNamesAndValuesAreErrorsThatNeverShowTheValue() {
        assertError("{id: a, model: m, headers: {\"bad header\": x}}",
                "probes.targets[0].headers 'bad header' is not a valid HTTP header name");
        assertError("{id: a, model: m, headers: {Host: example.com}}",
                "probes.targets[0].headers 'Host' is set by the HTTP client and cannot be configured");
        assertThatThrownBy(() -> load("{id: a, model: m, headers: {x-token: \"${GATEWAY_TOKEN}\\r\\nx-evil: 1\"}}"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("probes.targets[0].headers the value of 'x-token' must be one line")
                .hasMessageNotContaining("gw-secret-value-42");
        assertThatThrownBy(() -> load("{id: a, model: m, headers: {x-token: [\"${GATEWAY_TOKEN}\"]}}"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("monitor.yaml:3: probes.targets[0].headers.x-token: expected a string")
                .hasMessageNotContaining("gw-secret-value-42");
    }

    private static TargetConfig target(String yaml) {
        return load(yaml).probes().targets().get(0);
    }

    private static MonitorConfig load(String target) {
        return new ConfigLoader(ENV::get).parse("probes:\n  targets:\n    - " + target.strip() + "\n", "monitor.yaml");
    }

    private static void assertError(String target, String expected) {
        assertThatThrownBy(() -> load(target))
                .isInstanceOf(ConfigException.class)
                .message()
                .satisfies(message -> assertThat(message).contains(expected).doesNotContain("\n"));
    }
}
