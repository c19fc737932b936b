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

/** Anthropic's outcomes, against the simulated provider speaking Anthropic's dialect over real HTTP. */
class AnthropicProberTest {

    @RegisterExtension
    final SimulatedProbing probing = new SimulatedProbing();

    @Test
    void healthyStreamMeasuresTtftTokensRequestIdAndRateLimits() {
        ProbeResult result = probing.probe(target("sim-small", CheckType.CHAT_STREAM));

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
        ProbeResult chat = probing.probe(target("sim-large", CheckType.CHAT));
        assertThat(chat.getOutcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(chat.getOutputTokens()).isEqualTo(5);
        assertThat(chat.getTtftMs()).isNull();

        assertThat(probing.probe(target("sim-small", CheckType.MODELS)).getOutcome()).isEqualTo(Outcome.SUCCESS);
    }

    @Test
    void unknownModelIsUnavailableOnEveryCheck() {
        for (CheckType check : new CheckType[] {CheckType.MODELS, CheckType.CHAT, CheckType.CHAT_STREAM}) {
            ProbeResult result = probing.probe(target("claude-9", check));
            assertThat(result.getOutcome()).as(check.configName()).isEqualTo(Outcome.MODEL_UNAVAILABLE);
            assertThat(result.getHttpStatus()).isEqualTo(404);
            assertThat(result.getErrorCode()).isEqualTo("not_found_error");
            assertThat(result.getMessage()).isEqualTo("HTTP 404: model: claude-9");
        }
    }

    @Test
    void overloadedIsAServerError() {
        probing.fault(new Fault("*", FaultMode.ERROR, 529, null, null));

        ProbeResult result = probing.probe(target("sim-small", CheckType.CHAT_STREAM));

        assertThat(result.getOutcome()).isEqualTo(Outcome.SERVER_ERROR);
        assertThat(result.getHttpStatus()).isEqualTo(529);
        assertThat(result.getErrorCode()).isEqualTo("overloaded_error");
        assertThat(result.getMessage()).isEqualTo("HTTP 529: Overloaded");
    }

    @Test
    void rateLimitIsRateLimitedWithNoRequestsRemaining() {
        probing.fault(Fault.of("*", FaultMode.RATE_LIMIT));

        ProbeResult result = probing.probe(target("sim-small", CheckType.CHAT));

        assertThat(result.getOutcome()).isEqualTo(Outcome.RATE_LIMITED);
        assertThat(result.getErrorCode()).isEqualTo("rate_limit_error");
        assertThat(result.getRateLimitRemainingRequests()).isZero();
    }

    @Test
    void badKeyMissingPermissionAndNoKeyAreAuthErrors() {
        probing.fault(new Fault("*", FaultMode.ERROR, 401, null, null));
        assertThat(probing.probe(target("sim-small", CheckType.CHAT)).getErrorCode()).isEqualTo("authentication_error");
        probing.fault(new Fault("*", FaultMode.ERROR, 403, null, null));
        ProbeResult forbidden = probing.probe(target("sim-small", CheckType.CHAT));
        assertThat(forbidden.getOutcome()).isEqualTo(Outcome.AUTH_ERROR);
        assertThat(forbidden.getErrorCode()).isEqualTo("permission_error");

        probing.fault(Fault.healthy("*"));
        ProbeResult keyless = probing.probe(Targets.withoutKey(target("sim-small", CheckType.CHAT)));
        assertThat(keyless.getOutcome()).isEqualTo(Outcome.AUTH_ERROR);
        assertThat(keyless.getMessage()).isEqualTo("HTTP 401: x-api-key header is required");
    }

    @Test
    void errorEventMidStreamIsTheProvidersFailure() {
        probing.fault(Fault.of("*", FaultMode.STREAM_ERROR));

        ProbeResult result = probing.probe(target("sim-small", CheckType.CHAT_STREAM));

        assertThat(result.getOutcome()).isEqualTo(Outcome.SERVER_ERROR);
        assertThat(result.getHttpStatus()).isEqualTo(200);
        assertThat(result.getErrorCode()).isEqualTo("overloaded_error");
        assertThat(result.getMessage()).matches("error event after \\d content events: Overloaded");
    }

    @Test
    void refusalIsAContentMismatch() {
        probing.fault(Fault.of("*", FaultMode.CONTENT_FILTER));

        for (CheckType check : new CheckType[] {CheckType.CHAT, CheckType.CHAT_STREAM}) {
            ProbeResult result = probing.probe(target("sim-small", check));
            assertThat(result.getOutcome()).as(check.configName()).isEqualTo(Outcome.CONTENT_MISMATCH);
            assertThat(result.getErrorCode()).isEqualTo("refusal");
            assertThat(result.getMessage()).isEqualTo("the model refused to answer (stop_reason refusal)");
        }
    }

    @Test
    void streamWithoutMessageStopIsAContentMismatchAndGarbageInvalid() {
        probing.fault(Fault.of("*", FaultMode.TRUNCATE));
        ProbeResult truncated = probing.probe(target("sim-small", CheckType.CHAT_STREAM));
        assertThat(truncated.getOutcome()).isEqualTo(Outcome.CONTENT_MISMATCH);
        assertThat(truncated.getMessage()).startsWith("stream ended without message_stop after ");

        probing.fault(Fault.of("*", FaultMode.GARBAGE));
        assertThat(probing.probe(target("sim-small", CheckType.CHAT_STREAM)).getOutcome())
                .isEqualTo(Outcome.INVALID_RESPONSE);
        assertThat(probing.probe(target("sim-small", CheckType.CHAT)).getOutcome()).isEqualTo(Outcome.INVALID_RESPONSE);
    }

    private TargetConfig target(String model, CheckType check) {
        return Targets.target(Provider.ANTHROPIC, probing.sim.baseUrl(), model, check);
    }
}
