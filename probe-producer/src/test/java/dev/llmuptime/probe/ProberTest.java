package dev.llmuptime.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmuptime.config.CheckType;
import dev.llmuptime.config.ExpectConfig;
import dev.llmuptime.config.TargetConfig;
import dev.llmuptime.embedded.kafka.FreePort;
import dev.llmuptime.schema.BackoffReasons;
import dev.llmuptime.schema.Outcome;
import dev.llmuptime.schema.ProbeResult;
import dev.llmuptime.simulator.Fault;
import dev.llmuptime.simulator.FaultMode;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every outcome, against the simulated provider over real HTTP. */
class ProberTest {

    @RegisterExtension
    final SimulatedProbing probing = new SimulatedProbing();

    @Test
    void healthyStreamedChatMeasuresEveryPhase() {
        ProbeResult result = probe(target("sim-small", CheckType.CHAT_STREAM));

        assertThat(result.getOutcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(result.getHttpStatus()).isEqualTo(200);
        assertThat(result.getOutputTokens()).isEqualTo(5);
        assertThat(result.getTtftMs()).isNotNull().isGreaterThanOrEqualTo(30L);
        assertThat(result.getTtfbMs()).isNotNull().isLessThanOrEqualTo(result.getTtftMs());
        assertThat(result.getLatencyMs()).isGreaterThanOrEqualTo(result.getTtftMs());
        assertThat(result.getConnectMs()).as("a fresh pool opens a connection").isNotNull();
        assertThat(result.getTlsMs()).as("plain HTTP has no TLS").isNull();
        assertThat(result.getTokensPerSecond()).isNotNull().isPositive();
        assertThat(result.getRequestId()).startsWith("req_");
        assertThat(result.getRateLimitRemainingRequests()).isNotNull();
        assertThat(result.getRateLimitRemainingTokens()).isEqualTo(1_999_000L);
        assertThat(result.getMessage()).isNull();
        assertThat(result.getRegion()).isEqualTo("test-region");
        assertThat(result.getProberId()).isEqualTo("prober-1");
        assertThat(result.getCheck()).isEqualTo("chat-stream");
        assertThat(result.getProvider()).isEqualTo("openai-compatible");
    }

    @Test
    void laterProbesReuseTheConnection() {
        ProbeResult first = probe(target("sim-small", CheckType.CHAT));
        List<ProbeResult> later = IntStream.range(0, 5)
                .mapToObj(i -> probe(target("sim-small", CheckType.CHAT))).toList();

        assertThat(first.getConnectMs()).isNotNull();
        assertThat(later).allSatisfy(result -> assertThat(result.getOutcome()).isEqualTo(Outcome.SUCCESS));
        // The first connection goes back to the pool a moment after its answer is read; by then
        // the next probe may have opened another one, but not every one of them does.
        assertThat(later).anySatisfy(result -> assertThat(result.getConnectMs()).isNull());
    }

    @Test
    void healthyChatEmbeddingsAndModels() {
        ProbeResult chat = probe(target("sim-large", CheckType.CHAT));
        assertThat(chat.getOutcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(chat.getOutputTokens()).isEqualTo(5);
        assertThat(chat.getTtftMs()).isNull();

        assertThat(probe(target("sim-embed", CheckType.EMBEDDINGS)).getOutcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(probe(target("sim-small", CheckType.MODELS)).getOutcome()).isEqualTo(Outcome.SUCCESS);
    }

    @Test
    void modelMissingFromTheListIsUnavailable() {
        ProbeResult result = probe(target("gpt-9", CheckType.MODELS));

        assertThat(result.getOutcome()).isEqualTo(Outcome.MODEL_UNAVAILABLE);
        assertThat(result.getMessage()).isEqualTo("model gpt-9 is not among the 3 models listed");
    }

    @Test
    void unknownModelIsUnavailableWithTheProvidersCode() {
        ProbeResult result = probe(target("gpt-9", CheckType.CHAT_STREAM));

        assertThat(result.getOutcome()).isEqualTo(Outcome.MODEL_UNAVAILABLE);
        assertThat(result.getHttpStatus()).isEqualTo(404);
        assertThat(result.getErrorCode()).isEqualTo("model_not_found");
        assertThat(result.getMessage()).startsWith("HTTP 404: The model `gpt-9` does not exist");
    }

    @Test
    void answerNotMatchingTheExpectationIsAContentMismatch() {
        TargetConfig target = Targets.withExpect(target("sim-small", CheckType.CHAT_STREAM),
                new ExpectConfig("(?i)\\bbanana\\b", null));

        ProbeResult result = probe(target);

        assertThat(result.getOutcome()).isEqualTo(Outcome.CONTENT_MISMATCH);
        assertThat(result.getMessage()).isEqualTo("answer does not match content-regex: 'OK. The simulated model'");
    }

    @Test
    void answerOverMaxLatencyIsSlow() {
        probing.fault(new Fault("sim-small", FaultMode.SLOW, null, 300L, null));
        TargetConfig target = Targets.withExpect(target("sim-small", CheckType.CHAT_STREAM),
                new ExpectConfig("(?i)\\bok\\b", Duration.ofMillis(200)));

        ProbeResult result = probe(target);

        assertThat(result.getOutcome()).isEqualTo(Outcome.SLOW);
        assertThat(result.getLatencyMs()).isGreaterThanOrEqualTo(300L);
        assertThat(result.getMessage()).startsWith("took ").endsWith("more than max-latency 200ms");
    }

    @Test
    void serverErrorsAreServerErrors() {
        for (int status : new int[] {500, 502, 503, 529}) {
            probing.fault(new Fault("*", FaultMode.ERROR, status, null, null));
            ProbeResult result = probe(target("sim-small", CheckType.CHAT_STREAM));
            assertThat(result.getOutcome()).as("HTTP %d", status).isEqualTo(Outcome.SERVER_ERROR);
            assertThat(result.getHttpStatus()).isEqualTo(status);
        }
    }

    @Test
    void rateLimitIsRateLimited() {
        probing.fault(Fault.of("*", FaultMode.RATE_LIMIT));

        ProbeResult result = probe(target("sim-small", CheckType.CHAT));

        assertThat(result.getOutcome()).isEqualTo(Outcome.RATE_LIMITED);
        assertThat(result.getErrorCode()).isEqualTo("rate_limit_exceeded");
        assertThat(result.getRateLimitRemainingRequests()).isZero();
        // The simulator asks for Retry-After: 1; the answer comes after the probe started.
        assertThat(result.getBackoffReason()).isEqualTo(BackoffReasons.RETRY_AFTER);
        assertThat(result.getBackoffUntil()).isAfterOrEqualTo(result.getStartedAt().plusSeconds(1))
                .isBefore(result.getStartedAt().plusSeconds(3));
    }

    @Test
    void exhaustedQuotaIsAnAuthError() {
        probing.fault(new Fault("*", FaultMode.ERROR, 429, null, null));

        ProbeResult result = probe(target("sim-small", CheckType.CHAT));

        assertThat(result.getOutcome()).isEqualTo(Outcome.AUTH_ERROR);
        assertThat(result.getErrorCode()).isEqualTo("insufficient_quota");
    }

    @Test
    void badKeyIsAnAuthErrorAndBadRequestAClientError() {
        probing.fault(new Fault("*", FaultMode.ERROR, 401, null, null));
        ProbeResult unauthorized = probe(target("sim-small", CheckType.CHAT));
        assertThat(unauthorized.getOutcome()).isEqualTo(Outcome.AUTH_ERROR);
        assertThat(unauthorized.getErrorCode()).isEqualTo("invalid_api_key");

        probing.fault(new Fault("*", FaultMode.ERROR, 400, null, null));
        assertThat(probe(target("sim-small", CheckType.CHAT)).getOutcome()).isEqualTo(Outcome.CLIENT_ERROR);
    }

    @Test
    void errorChunkMidStreamIsTheProvidersFailure() {
        probing.fault(new Fault("*", FaultMode.STREAM_ERROR, 500, null, null));

        ProbeResult result = probe(target("sim-small", CheckType.CHAT_STREAM));

        assertThat(result.getOutcome()).isEqualTo(Outcome.SERVER_ERROR);
        assertThat(result.getHttpStatus()).isEqualTo(200);
        assertThat(result.getErrorCode()).isEqualTo("server_error");
        assertThat(result.getMessage()).startsWith("error event after 3 content events: The server had an error");
    }

    @Test
    void contentFilterStopIsAContentMismatch() {
        probing.fault(Fault.of("*", FaultMode.CONTENT_FILTER));

        ProbeResult result = probe(target("sim-small", CheckType.CHAT_STREAM));

        assertThat(result.getOutcome()).isEqualTo(Outcome.CONTENT_MISMATCH);
        assertThat(result.getErrorCode()).isEqualTo("content_filter");
        assertThat(result.getMessage()).startsWith("the content filter stopped the answer");
    }

    @Test
    void hangingServerTimesOutAtTheTimeout() {
        probing.fault(Fault.of("*", FaultMode.HANG));
        TargetConfig target = Targets.withTimeout(target("sim-small", CheckType.CHAT_STREAM), Duration.ofMillis(400));

        ProbeResult result = probe(target);

        assertThat(result.getOutcome()).isEqualTo(Outcome.TIMEOUT);
        assertThat(result.getLatencyMs()).isBetween(400L, 3000L);
        assertThat(result.getHttpStatus()).isNull();
        assertThat(result.getMessage()).isEqualTo("no complete answer within 400ms");
    }

    @Test
    void drippingServerTimesOutWithItsStatusKnown() {
        probing.fault(new Fault("*", FaultMode.DRIP, null, 100L, null));
        TargetConfig target = Targets.withTimeout(target("sim-small", CheckType.CHAT), Duration.ofMillis(500));

        ProbeResult result = probe(target);

        assertThat(result.getOutcome()).isEqualTo(Outcome.TIMEOUT);
        assertThat(result.getHttpStatus()).isEqualTo(200);
        assertThat(result.getTtfbMs()).isNotNull();
    }

    @Test
    void garbageIsAnInvalidResponse() {
        probing.fault(Fault.of("*", FaultMode.GARBAGE));

        assertThat(probe(target("sim-small", CheckType.CHAT)).getOutcome()).isEqualTo(Outcome.INVALID_RESPONSE);
        ProbeResult stream = probe(target("sim-small", CheckType.CHAT_STREAM));
        assertThat(stream.getOutcome()).isEqualTo(Outcome.INVALID_RESPONSE);
        assertThat(stream.getMessage()).isEqualTo("answer is not a server-sent event stream");
    }

    @Test
    void truncatedStreamIsAContentMismatchAndTruncatedJsonInvalid() {
        probing.fault(Fault.of("*", FaultMode.TRUNCATE));

        ProbeResult stream = probe(target("sim-small", CheckType.CHAT_STREAM));
        assertThat(stream.getOutcome()).isEqualTo(Outcome.CONTENT_MISMATCH);
        assertThat(stream.getMessage()).startsWith("stream ended without data: [DONE]");

        assertThat(probe(target("sim-small", CheckType.CHAT)).getOutcome()).isEqualTo(Outcome.INVALID_RESPONSE);
    }

    @Test
    void refusedConnectionIsAConnectionError() {
        TargetConfig target = Targets.target("http://127.0.0.1:" + FreePort.pick() + "/v1", "sim-small", CheckType.CHAT);

        ProbeResult result = probe(target);

        assertThat(result.getOutcome()).isEqualTo(Outcome.CONNECTION_ERROR);
        assertThat(result.getHttpStatus()).isNull();
        assertThat(result.getMessage()).contains("Connection refused");
    }

    private TargetConfig target(String model, CheckType check) {
        return Targets.target(probing.sim.baseUrl(), model, check);
    }

    private ProbeResult probe(TargetConfig target) {
        return probing.probe(target);
    }
}
