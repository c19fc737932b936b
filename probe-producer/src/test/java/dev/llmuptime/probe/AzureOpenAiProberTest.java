package dev.llmuptime.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmuptime.config.CheckType;
import dev.llmuptime.config.Provider;
import dev.llmuptime.schema.Outcome;
import dev.llmuptime.schema.ProbeResult;
import dev.llmuptime.simulator.FaultMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Azure OpenAI's outcomes, against the simulated provider's deployments over real HTTP. */
class AzureOpenAiProberTest {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @RegisterExtension
    final SimulatedProbing probing = new SimulatedProbing();

    private final ProviderProbes azure = new ProviderProbes(probing, Provider.AZURE_OPENAI);

    @Test
    void healthyStreamReadsApimRequestIdAndRateLimits() {
        ProbeResult result = azure.probe(CheckType.CHAT_STREAM);

        assertThat(result.getOutcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(result.getOutputTokens()).isEqualTo(5);
        assertThat(result.getTtftMs()).isNotNull().isGreaterThanOrEqualTo(30L);
        assertThat(result.getRequestId()).as("from apim-request-id").matches(UUID);
        assertThat(result.getRateLimitRemainingRequests()).isNotNull().isPositive();
        assertThat(result.getRateLimitRemainingTokens()).isEqualTo(1_999_000L);
        assertThat(result.getModel()).isEqualTo("sim-small");
    }

    @Test
    void healthyChatAndEmbeddings() {
        ProbeResult result = azure.probe("sim-large", CheckType.CHAT);

        assertThat(result.getOutcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(result.getOutputTokens()).isEqualTo(5);
        assertThat(azure.probe("sim-embed", CheckType.EMBEDDINGS).getOutcome()).isEqualTo(Outcome.SUCCESS);
    }

    @Test
    void contentFilterIsAContentMismatchNamingTheCategory() {
        assertThat(azure.probeEachUnder(FaultMode.CONTENT_FILTER, CheckType.CHAT, CheckType.CHAT_STREAM))
                .allSatisfy(result -> {
                    assertThat(result.getOutcome()).isEqualTo(Outcome.CONTENT_MISMATCH);
                    assertThat(result.getErrorCode()).isEqualTo("content_filter");
                    assertThat(result.getMessage())
                            .isEqualTo("the content filter stopped the answer (violence: medium)");
                });
    }

    @Test
    void unknownDeploymentIsUnavailable() {
        ProbeResult result = azure.probe("gpt-9", CheckType.CHAT);

        assertThat(result.getOutcome()).isEqualTo(Outcome.MODEL_UNAVAILABLE);
        assertThat(result.getHttpStatus()).isEqualTo(404);
        assertThat(result.getErrorCode()).isEqualTo("DeploymentNotFound");
    }

    @Test
    void rateLimitServerErrorAndAuthErrors() {
        ProbeResult limited = azure.probeUnder(FaultMode.RATE_LIMIT, CheckType.CHAT);
        assertThat(limited.getOutcome()).isEqualTo(Outcome.RATE_LIMITED);
        assertThat(limited.getErrorCode()).isEqualTo("429");
        assertThat(limited.getRateLimitRemainingRequests()).isZero();

        assertThat(azure.probeUnder(FaultMode.ERROR, 503, CheckType.CHAT_STREAM).getOutcome())
                .isEqualTo(Outcome.SERVER_ERROR);

        ProbeResult keyless = azure.probeWithoutKey(CheckType.CHAT);
        assertThat(keyless.getOutcome()).isEqualTo(Outcome.AUTH_ERROR);
        assertThat(keyless.getMessage()).startsWith("HTTP 401: Access denied due to invalid subscription key");
    }

    @Test
    void truncatedStreamIsAContentMismatch() {
        ProbeResult result = azure.probeUnder(FaultMode.TRUNCATE, CheckType.CHAT_STREAM);

        assertThat(result.getOutcome()).isEqualTo(Outcome.CONTENT_MISMATCH);
        assertThat(result.getMessage()).startsWith("stream ended without data: [DONE]");
    }
}
