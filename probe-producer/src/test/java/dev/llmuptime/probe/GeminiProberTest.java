package dev.llmuptime.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmuptime.config.CheckType;
import dev.llmuptime.config.Provider;
import dev.llmuptime.schema.Outcome;
import dev.llmuptime.schema.ProbeResult;
import dev.llmuptime.simulator.FaultMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Gemini's outcomes, against the simulated provider speaking Gemini's dialect over real HTTP. */
class GeminiProberTest {

    @RegisterExtension
    final SimulatedProbing probing = new SimulatedProbing();

    private final ProviderProbes gemini = new ProviderProbes(probing, Provider.GEMINI);

    @Test
    void healthyStreamMeasuresTtftAndTokensAndTakesTheResponseIdAsRequestId() {
        ProbeResult result = gemini.probe(CheckType.CHAT_STREAM);

        assertThat(result.getOutcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(result.getOutputTokens()).as("from usageMetadata.candidatesTokenCount").isEqualTo(5);
        assertThat(result.getTtftMs()).isNotNull().isGreaterThanOrEqualTo(30L);
        assertThat(result.getTokensPerSecond()).isNotNull().isPositive();
        assertThat(result.getRequestId()).matches("[0-9a-f]{16}");
        assertThat(result.getRateLimitRemainingRequests()).as("Gemini sends none").isNull();
        assertThat(result.getMessage()).isNull();
    }

    @Test
    void healthyChatAndModels() {
        ProbeResult chat = gemini.probe("sim-large", CheckType.CHAT);
        assertThat(chat.getOutcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(chat.getOutputTokens()).isEqualTo(5);
        assertThat(chat.getRequestId()).isNotNull();

        assertThat(gemini.probe(CheckType.MODELS).getOutcome()).isEqualTo(Outcome.SUCCESS);
    }

    @Test
    void unknownModelIsUnavailableOnEveryCheck() {
        assertThat(gemini.probeEach("gemini-9", CheckType.MODELS, CheckType.CHAT, CheckType.CHAT_STREAM))
                .allSatisfy(result -> {
                    assertThat(result.getOutcome()).isEqualTo(Outcome.MODEL_UNAVAILABLE);
                    assertThat(result.getErrorCode()).isEqualTo("NOT_FOUND");
                });
    }

    @Test
    void exhaustedIsRateLimitedAndUnavailableAServerError() {
        ProbeResult limited = gemini.probeUnder(FaultMode.RATE_LIMIT, CheckType.CHAT);
        assertThat(limited.getOutcome()).isEqualTo(Outcome.RATE_LIMITED);
        assertThat(limited.getErrorCode()).isEqualTo("RESOURCE_EXHAUSTED");

        ProbeResult unavailable = gemini.probeUnder(FaultMode.ERROR, 503, CheckType.CHAT_STREAM);
        assertThat(unavailable.getOutcome()).isEqualTo(Outcome.SERVER_ERROR);
        assertThat(unavailable.getErrorCode()).isEqualTo("UNAVAILABLE");
    }

    @Test
    void noKeyIsAnAuthError() {
        ProbeResult result = gemini.probeWithoutKey(CheckType.CHAT);

        assertThat(result.getOutcome()).isEqualTo(Outcome.AUTH_ERROR);
        assertThat(result.getHttpStatus()).isEqualTo(403);
        assertThat(result.getErrorCode()).isEqualTo("PERMISSION_DENIED");
    }

    @Test
    void safetyStopIsAContentMismatch() {
        assertThat(gemini.probeEachUnder(FaultMode.CONTENT_FILTER, CheckType.CHAT, CheckType.CHAT_STREAM))
                .allSatisfy(result -> {
                    assertThat(result.getOutcome()).isEqualTo(Outcome.CONTENT_MISMATCH);
                    assertThat(result.getErrorCode()).isEqualTo("SAFETY");
                    assertThat(result.getMessage()).isEqualTo("the answer was stopped (finishReason SAFETY)");
                });
    }

    @Test
    void streamEndingWithoutAFinishReasonIsAContentMismatch() {
        ProbeResult result = gemini.probeUnder(FaultMode.TRUNCATE, CheckType.CHAT_STREAM);

        assertThat(result.getOutcome()).isEqualTo(Outcome.CONTENT_MISMATCH);
        assertThat(result.getMessage()).isEqualTo("stream ended without a finishReason after 2 content events");
    }

    @Test
    void errorMidStreamIsTheProvidersFailure() {
        ProbeResult result = gemini.probeUnder(FaultMode.STREAM_ERROR, 503, CheckType.CHAT_STREAM);

        assertThat(result.getOutcome()).isEqualTo(Outcome.SERVER_ERROR);
        assertThat(result.getHttpStatus()).isEqualTo(200);
        assertThat(result.getErrorCode()).isEqualTo("UNAVAILABLE");
        assertThat(result.getMessage()).startsWith("error event after 2 content events: The model is overloaded");
    }
}
