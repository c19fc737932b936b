package dev.llmuptime.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmuptime.config.CheckType;
import dev.llmuptime.config.Provider;
import dev.llmuptime.config.TargetConfig;
import dev.llmuptime.schema.Outcome;
import dev.llmuptime.schema.ProbeResult;
import dev.llmuptime.simulator.Fault;
import dev.llmuptime.simulator.FaultMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Gemini's outcomes, against the simulated provider speaking Gemini's dialect over real HTTP. */
class GeminiProberTest {

    @RegisterExtension
    final SimulatedProbing probing = new SimulatedProbing();

    @Test
    void healthyStreamMeasuresTtftAndTokensAndTakesTheResponseIdAsRequestId() {
        ProbeResult result = probing.probe(target("sim-small", CheckType.CHAT_STREAM));

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
        ProbeResult chat = probing.probe(target("sim-large", CheckType.CHAT));
        assertThat(chat.getOutcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(chat.getOutputTokens()).isEqualTo(5);
        assertThat(chat.getRequestId()).isNotNull();

        assertThat(probing.probe(target("sim-small", CheckType.MODELS)).getOutcome()).isEqualTo(Outcome.SUCCESS);
    }

    @Test
    void unknownModelIsUnavailableOnEveryCheck() {
        for (CheckType check : new CheckType[] {CheckType.MODELS, CheckType.CHAT, CheckType.CHAT_STREAM}) {
            ProbeResult result = probing.probe(target("gemini-9", check));
            assertThat(result.getOutcome()).as(check.configName()).isEqualTo(Outcome.MODEL_UNAVAILABLE);
            assertThat(result.getErrorCode()).isEqualTo("NOT_FOUND");
        }
    }

    @Test
    void exhaustedIsRateLimitedAndUnavailableAServerError() {
        probing.fault(Fault.of("*", FaultMode.RATE_LIMIT));
        ProbeResult limited = probing.probe(target("sim-small", CheckType.CHAT));
        assertThat(limited.getOutcome()).isEqualTo(Outcome.RATE_LIMITED);
        assertThat(limited.getErrorCode()).isEqualTo("RESOURCE_EXHAUSTED");

        probing.fault(new Fault("*", FaultMode.ERROR, 503, null, null));
        ProbeResult unavailable = probing.probe(target("sim-small", CheckType.CHAT_STREAM));
        assertThat(unavailable.getOutcome()).isEqualTo(Outcome.SERVER_ERROR);
        assertThat(unavailable.getErrorCode()).isEqualTo("UNAVAILABLE");
    }

    @Test
    void noKeyIsAnAuthError() {
        ProbeResult result = probing.probe(Targets.withoutKey(target("sim-small", CheckType.CHAT)));

        assertThat(result.getOutcome()).isEqualTo(Outcome.AUTH_ERROR);
        assertThat(result.getHttpStatus()).isEqualTo(403);
        assertThat(result.getErrorCode()).isEqualTo("PERMISSION_DENIED");
    }

    @Test
    void safetyStopIsAContentMismatch() {
        probing.fault(Fault.of("*", FaultMode.CONTENT_FILTER));

        for (CheckType check : new CheckType[] {CheckType.CHAT, CheckType.CHAT_STREAM}) {
            ProbeResult result = probing.probe(target("sim-small", check));
            assertThat(result.getOutcome()).as(check.configName()).isEqualTo(Outcome.CONTENT_MISMATCH);
            assertThat(result.getErrorCode()).isEqualTo("SAFETY");
            assertThat(result.getMessage()).isEqualTo("the answer was stopped (finishReason SAFETY)");
        }
    }

    @Test
    void streamEndingWithoutAFinishReasonIsAContentMismatch() {
        probing.fault(Fault.of("*", FaultMode.TRUNCATE));

        ProbeResult result = probing.probe(target("sim-small", CheckType.CHAT_STREAM));

        assertThat(result.getOutcome()).isEqualTo(Outcome.CONTENT_MISMATCH);
        assertThat(result.getMessage()).isEqualTo("stream ended without a finishReason after 2 content events");
    }

    @Test
    void errorMidStreamIsTheProvidersFailure() {
        probing.fault(new Fault("*", FaultMode.STREAM_ERROR, 503, null, null));

        ProbeResult result = probing.probe(target("sim-small", CheckType.CHAT_STREAM));

        assertThat(result.getOutcome()).isEqualTo(Outcome.SERVER_ERROR);
        assertThat(result.getHttpStatus()).isEqualTo(200);
        assertThat(result.getErrorCode()).isEqualTo("UNAVAILABLE");
        assertThat(result.getMessage()).startsWith("error event after 2 content events: The model is overloaded");
    }

    private TargetConfig target(String model, CheckType check) {
        return Targets.target(Provider.GEMINI, probing.sim.geminiBaseUrl(), model, check);
    }
}
