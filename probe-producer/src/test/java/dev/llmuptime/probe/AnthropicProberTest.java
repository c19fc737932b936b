package dev.llmuptime.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmuptime.config.CheckType;
import dev.llmuptime.config.Provider;
import dev.llmuptime.schema.Outcome;
import dev.llmuptime.schema.ProbeResult;
import dev.llmuptime.simulator.FaultMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Anthropic's outcomes, against the simulated provider speaking Anthropic's dialect over real HTTP. */
class AnthropicProberTest {

    @RegisterExtension
    final SimulatedProbing probing = new SimulatedProbing();

    private final ProviderProbes anthropic = new ProviderProbes(probing, Provider.ANTHROPIC);

    @Test
    void healthyStreamMeasuresTtftTokensRequestIdAndRateLimits() {
        ProbeResult result = anthropic.probe(CheckType.CHAT_STREAM);

        assertThat(result.getOutcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(result.getHttpStatus()).isEqualTo(200);
        assertThat(result.getOutputTokens()).as("from message_delta's usage").isEqualTo(5);
        assertThat(result.getTtftMs()).isNotNull().isGreaterThanOrEqualTo(30L);
        assertThat(result.getLatencyMs()).isGreaterThanOrEqualTo(result.getTtftMs());
        assertThat(result.getTokensPerSecond()).isNotNull().isPositive();
        assertThat(result.getRequestId()).as("from request-id").startsWith("req_");
        assertThat(result.getRateLimitRemainingRequests()).isNotNull().isPositive();
        assertThat(result.getRateLimitRemainingTokens()).isEqualTo(399_000L);
        assertThat(result.getMessage()).isNull();
    }

    @Test
    void healthyChatAndModels() {
        ProbeResult chat = anthropic.probe("sim-large", CheckType.CHAT);
        assertThat(chat.getOutcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(chat.getOutputTokens()).isEqualTo(5);
        assertThat(chat.getTtftMs()).isNull();

        assertThat(anthropic.probe(CheckType.MODELS).getOutcome()).isEqualTo(Outcome.SUCCESS);
    }

    @Test
    void unknownModelIsUnavailableOnEveryCheck() {
        assertThat(anthropic.probeEach("claude-9", CheckType.MODELS, CheckType.CHAT, CheckType.CHAT_STREAM))
                .allSatisfy(result -> {
                    assertThat(result.getOutcome()).isEqualTo(Outcome.MODEL_UNAVAILABLE);
                    assertThat(result.getHttpStatus()).isEqualTo(404);
                    assertThat(result.getErrorCode()).isEqualTo("not_found_error");
                    assertThat(result.getMessage()).isEqualTo("HTTP 404: model: claude-9");
                });
    }

    @Test
    void overloadedIsAServerError() {
        ProbeResult result = anthropic.probeUnder(FaultMode.ERROR, 529, CheckType.CHAT_STREAM);

        assertThat(result.getOutcome()).isEqualTo(Outcome.SERVER_ERROR);
        assertThat(result.getHttpStatus()).isEqualTo(529);
        assertThat(result.getErrorCode()).isEqualTo("overloaded_error");
        assertThat(result.getMessage()).isEqualTo("HTTP 529: Overloaded");
    }

    @Test
    void rateLimitIsRateLimitedWithNoRequestsRemaining() {
        ProbeResult result = anthropic.probeUnder(FaultMode.RATE_LIMIT, CheckType.CHAT);

        assertThat(result.getOutcome()).isEqualTo(Outcome.RATE_LIMITED);
        assertThat(result.getErrorCode()).isEqualTo("rate_limit_error");
        assertThat(result.getRateLimitRemainingRequests()).isZero();
    }

    @Test
    void badKeyMissingPermissionAndNoKeyAreAuthErrors() {
        assertThat(anthropic.probeUnder(FaultMode.ERROR, 401, CheckType.CHAT).getErrorCode())
                .isEqualTo("authentication_error");
        ProbeResult forbidden = anthropic.probeUnder(FaultMode.ERROR, 403, CheckType.CHAT);
        assertThat(forbidden.getOutcome()).isEqualTo(Outcome.AUTH_ERROR);
        assertThat(forbidden.getErrorCode()).isEqualTo("permission_error");

        ProbeResult keyless = anthropic.probeWithoutKey(CheckType.CHAT);
        assertThat(keyless.getOutcome()).isEqualTo(Outcome.AUTH_ERROR);
        assertThat(keyless.getMessage()).isEqualTo("HTTP 401: x-api-key header is required");
    }

    @Test
    void errorEventMidStreamIsTheProvidersFailure() {
        ProbeResult result = anthropic.probeUnder(FaultMode.STREAM_ERROR, CheckType.CHAT_STREAM);

        assertThat(result.getOutcome()).isEqualTo(Outcome.SERVER_ERROR);
        assertThat(result.getHttpStatus()).isEqualTo(200);
        assertThat(result.getErrorCode()).isEqualTo("overloaded_error");
        assertThat(result.getMessage()).matches("error event after \\d content events: Overloaded");
    }

    @Test
    void refusalIsAContentMismatch() {
        assertThat(anthropic.probeEachUnder(FaultMode.CONTENT_FILTER, CheckType.CHAT, CheckType.CHAT_STREAM))
                .allSatisfy(result -> {
                    assertThat(result.getOutcome()).isEqualTo(Outcome.CONTENT_MISMATCH);
                    assertThat(result.getErrorCode()).isEqualTo("refusal");
                    assertThat(result.getMessage()).isEqualTo("the model refused to answer (stop_reason refusal)");
                });
    }

    @Test
    void streamWithoutMessageStopIsAContentMismatchAndGarbageInvalid() {
        ProbeResult truncated = anthropic.probeUnder(FaultMode.TRUNCATE, CheckType.CHAT_STREAM);
        assertThat(truncated.getOutcome()).isEqualTo(Outcome.CONTENT_MISMATCH);
        assertThat(truncated.getMessage()).startsWith("stream ended without message_stop after ");

        assertThat(anthropic.probeEachUnder(FaultMode.GARBAGE, CheckType.CHAT_STREAM, CheckType.CHAT))
                .extracting(ProbeResult::getOutcome)
                .containsExactly(Outcome.INVALID_RESPONSE, Outcome.INVALID_RESPONSE);
    }
}
