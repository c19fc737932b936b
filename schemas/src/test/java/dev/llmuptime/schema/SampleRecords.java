package dev.llmuptime.schema;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Records with every field set, for round trips. */
final class SampleRecords {

    static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    private SampleRecords() {
    }

    static ProbeResult probeResult() {
        return ProbeResult.newBuilder()
                .setProbeId("5f0c6a1e-8d1b-4c55-9d3e-2f8f3c1b9a10")
                .setTargetId("openai-gpt-4o-mini-chat")
                .setProvider("openai")
                .setModel("gpt-4o-mini")
                .setCheck("chat-stream")
                .setRegion("eu-west")
                .setProberId("prober-1")
                .setScheduledAt(T0)
                .setStartedAt(T0.plusMillis(3))
                .setOutcome(Outcome.RATE_LIMITED)
                .setHttpStatus(429)
                .setErrorCode("rate_limit_exceeded")
                .setLatencyMs(812)
                .setConnectMs(21L)
                .setTlsMs(35L)
                .setTtfbMs(300L)
                .setTtftMs(410L)
                .setOutputTokens(5)
                .setTokensPerSecond(48.5)
                .setRequestId("req_abc123")
                .setRateLimitRemainingRequests(499L)
                .setRateLimitRemainingTokens(199_000L)
                .setMessage("Rate limit reached")
                .setReason(ProbeReasons.CONFIRM)
                .build();
    }

    static ProbeResult minimalProbeResult() {
        return ProbeResult.newBuilder(probeResult())
                .setHttpStatus(null).setErrorCode(null).setConnectMs(null).setTlsMs(null).setTtfbMs(null)
                .setTtftMs(null).setOutputTokens(null).setTokensPerSecond(null).setRequestId(null)
                .setRateLimitRemainingRequests(null).setRateLimitRemainingTokens(null).setMessage(null).setReason(null)
                .setOutcome(Outcome.TIMEOUT)
                .build();
    }

    static WindowStats windowStats() {
        Percentiles latency = new Percentiles(420.0, 700.0, 810.5, 990.0, 1200.0, 480.2);
        return WindowStats.newBuilder()
                .setTargetId("openai-gpt-4o-mini-chat")
                .setProvider("openai")
                .setModel("gpt-4o-mini")
                .setCheck("chat-stream")
                .setRegion("*")
                .setWindowSize(60_000L)
                .setWindowStart(T0)
                .setWindowEnd(T0.plusSeconds(60))
                .setFinal$(true)
                .setCount(12)
                .setOutcomeCounts(Map.of("SUCCESS", 10L, "TIMEOUT", 2L))
                .setUptime(10.0 / 12)
                .setLatency(latency)
                .setTtft(new Percentiles(210.0, 300.0, 320.0, 400.0, 410.0, 230.0))
                .setTokensPerSecondP50(51.0)
                .setLatencySketch(ByteBuffer.wrap(new byte[] {1, 2, 3}))
                .setLastProbeAt(T0.plusSeconds(55))
                .setLastOutcome(Outcome.TIMEOUT)
                .setConsecutiveFailures(2)
                .setConsecutiveSuccesses(0)
                .setEmittedAt(T0.plusSeconds(56))
                .setRecentFailures(List.of(probeEvidence(T0.plusSeconds(50)), probeEvidence(T0.plusSeconds(55))))
                .build();
    }

    static AlertEvent alertEvent() {
        return AlertEvent.newBuilder()
                .setAlertId("down:openai-gpt-4o-mini-chat:1764151200000")
                .setRule("down")
                .setSeverity("critical")
                .setStatus(AlertStatus.RESOLVED)
                .setTargetId("openai-gpt-4o-mini-chat")
                .setProvider("openai")
                .setModel("gpt-4o-mini")
                .setMetric("consecutive-failures")
                .setValue(0.0)
                .setThreshold(2.0)
                .setWindowStart(T0)
                .setWindowEnd(T0.plusSeconds(60))
                .setStartsAt(T0.plusSeconds(5))
                .setEndsAt(T0.plusSeconds(95))
                .setSummary("openai-gpt-4o-mini-chat: 2 consecutive failed probes")
                .setEmittedAt(T0.plusSeconds(95))
                .setEvidence(List.of(probeEvidence(T0.plusSeconds(2)),
                        ProbeEvidence.newBuilder(probeEvidence(T0.plusSeconds(4)))
                                .setHttpStatus(null).setErrorCode(null).setRequestId(null).setMessage(null)
                                .setOutcome(Outcome.TIMEOUT).build()))
                .build();
    }

    static ProbeEvidence probeEvidence(Instant startedAt) {
        return ProbeEvidence.newBuilder()
                .setProbeId("probe-" + startedAt.toEpochMilli())
                .setStartedAt(startedAt)
                .setRegion("eu-west")
                .setOutcome(Outcome.SERVER_ERROR)
                .setHttpStatus(503)
                .setErrorCode("server_error")
                .setRequestId("req_" + startedAt.getEpochSecond())
                .setMessage("The server is overloaded")
                .build();
    }
}
