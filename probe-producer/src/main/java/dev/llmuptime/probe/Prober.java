package dev.llmuptime.probe;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmuptime.config.Provider;
import dev.llmuptime.config.TargetConfig;
import dev.llmuptime.schema.ProbeResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.util.context.Context;

/**
 * Runs one probe of one target and turns whatever happens into a {@link ProbeResult}: it never
 * fails and never outlives the target's timeout.
 */
final class Prober implements ProbeRunner {

    /** Enough of an error body to read the provider's error code and message. */
    private static final int MAX_ERROR_BODY = 64 * 1024;

    private final HttpClient http;
    private final ObjectMapper json;
    private final Clock clock;
    private final String region;
    private final String proberId;
    private final Map<Provider, ProviderApi> apis = new EnumMap<>(Provider.class);
    private final Map<String, PreparedRequest> preparedByTarget = new ConcurrentHashMap<>();

    Prober(HttpClient http, ObjectMapper json, Clock clock, String region, String proberId) {
        this.http = http;
        this.json = json;
        this.clock = clock;
        this.region = region;
        this.proberId = proberId;
        for (Provider provider : Provider.values()) {
            apis.put(provider, ProviderApi.of(provider, json));
        }
    }

    @Override
    public Mono<ProbeResult> probe(TargetConfig target, Instant scheduledAt) {
        return Mono.defer(() -> {
            ProbeTrace trace = new ProbeTrace(System.nanoTime());
            Instant startedAt = clock.instant();
            return exchange(target, trace)
                    .timeout(target.timeout())
                    .onErrorResume(failure -> Mono.just(Answer.failed(OutcomeClassifier.forFailure(failure),
                            OutcomeClassifier.describe(failure, target))))
                    .contextWrite(Context.of(ProbeTrace.class, trace))
                    .map(answer -> {
                        Duration latency = Duration.ofNanos(System.nanoTime() - trace.startNanos);
                        return result(target, scheduledAt, startedAt, trace, latency,
                                OutcomeClassifier.expect(answer, target, latency));
                    });
        });
    }

    private Mono<Answer> exchange(TargetConfig target, ProbeTrace trace) {
        PreparedRequest prepared = prepared(target);
        ProbeCheck check = prepared.check();
        return prepared.send()
                .response((response, content) -> {
                    trace.ttfbNanos = System.nanoTime() - trace.startNanos;
                    int status = response.status().code();
                    trace.httpStatus = status;
                    prepared.api().responseHeaders().read(response.responseHeaders(), trace);
                    trace.providerWait = ProviderWait.read(status, response.responseHeaders(),
                            prepared.api().responseHeaders(), trace.rateLimitRemainingRequests, clock.instant());
                    if (status >= 200 && status < 300) {
                        return check.read(target, content.asByteArray(), trace);
                    }
                    return BoundedBody.collect(content.asByteArray(), MAX_ERROR_BODY)
                            .onErrorResume(ResponseTooLargeException.class, e -> Mono.just(new byte[0]))
                            .map(bytes -> failedStatus(status, bytes));
                })
                // single(), not next(): cancelling the response would close a connection that could be reused.
                .single();
    }

    /** The target's request, built at its first probe; built again if a target of the same id differs. */
    private PreparedRequest prepared(TargetConfig target) {
        PreparedRequest prepared = preparedByTarget.get(target.id());
        if (prepared == null || prepared.target() != target) {
            prepared = PreparedRequest.of(target, apis.get(target.provider()), http);
            preparedByTarget.put(target.id(), prepared);
        }
        return prepared;
    }

    private Answer failedStatus(int status, byte[] body) {
        ProviderError error = ProviderError.parse(json, body);
        String problem = "HTTP " + status + (error.message() == null ? "" : ": " + error.message());
        return Answer.failed(OutcomeClassifier.forStatus(status, error), problem, error.reportedCode());
    }

    private ProbeResult result(TargetConfig target, Instant scheduledAt, Instant startedAt, ProbeTrace trace,
            Duration latency, Answer answer) {
        return ProbeResult.newBuilder()
                .setProbeId(ProbeIds.next())
                .setTargetId(target.id())
                .setProvider(target.provider().configName())
                .setModel(target.model())
                .setCheck(target.check().configName())
                .setRegion(region)
                .setProberId(proberId)
                .setScheduledAt(scheduledAt)
                .setStartedAt(startedAt)
                .setOutcome(answer.outcome())
                .setHttpStatus(trace.httpStatus)
                .setErrorCode(answer.errorCode())
                .setLatencyMs(latency.toMillis())
                .setConnectMs(ProbeTrace.millis(trace.connectNanos))
                .setTlsMs(ProbeTrace.millis(trace.tlsNanos))
                .setTtfbMs(ProbeTrace.millis(trace.ttfbNanos))
                .setTtftMs(ProbeTrace.millis(trace.ttftNanos))
                .setOutputTokens(answer.outputTokens())
                .setTokensPerSecond(answer.tokensPerSecond())
                .setRequestId(trace.requestId)
                .setRateLimitRemainingRequests(trace.rateLimitRemainingRequests)
                .setRateLimitRemainingTokens(trace.rateLimitRemainingTokens)
                .setMessage(Redaction.redact(answer.problem(), target.secrets()))
                // The provider's ask; the scheduler replaces it with the wait it decides on.
                .setBackoffReason(trace.providerWait == null ? null : trace.providerWait.reason())
                .setBackoffUntil(trace.providerWait == null ? null : trace.providerWait.until())
                .build();
    }
}
