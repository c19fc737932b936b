package dev.llmuptime.probe;

import dev.llmuptime.config.Durations;
import dev.llmuptime.config.TargetConfig;
import dev.llmuptime.schema.Outcome;
import io.netty.handler.ssl.SslHandshakeTimeoutException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import reactor.netty.http.client.PrematureCloseException;

/**
 * The one place that decides what a response or a failure means, in the outcomes of the public
 * contract. Failures on the monitor's side (a bad key, a bad request) are kept apart from the
 * provider's, since they do not count against its uptime.
 */
final class OutcomeClassifier {

    private OutcomeClassifier() {
    }

    /** The outcome of a non-2xx answer. */
    static Outcome forStatus(int status, ProviderError error) {
        Outcome named = forCode(error);
        if (named != null) {
            return named;
        }
        if (status == 401 || status == 403) {
            return Outcome.AUTH_ERROR;
        }
        if (status == 429) {
            return Outcome.RATE_LIMITED;
        }
        if (status == 404 && error.mentionsMissingModel()) {
            return Outcome.MODEL_UNAVAILABLE;
        }
        if (status == 408) {
            return Outcome.TIMEOUT;
        }
        if (status >= 500) {
            return Outcome.SERVER_ERROR;
        }
        if (status >= 400) {
            return Outcome.CLIENT_ERROR;
        }
        return Outcome.INVALID_RESPONSE;
    }

    /** The outcome of an error event in the middle of a 2xx stream: the provider's failure unless its code says otherwise. */
    static Outcome forStreamError(ProviderError error) {
        Outcome named = forCode(error);
        return named != null ? named : Outcome.SERVER_ERROR;
    }

    /**
     * The outcome a provider's error code or type names outright, whatever the status came with
     * it (OpenAI's quota is a 429, Gemini's bad key a 400); null if it names none.
     */
    private static Outcome forCode(ProviderError error) {
        if (error.isAny("insufficient_quota", "authentication_error", "permission_error", "billing_error",
                "API_KEY_INVALID", "UNAUTHENTICATED", "PERMISSION_DENIED")) {
            return Outcome.AUTH_ERROR;
        }
        if (error.isAny("model_not_found", "DeploymentNotFound")
                || error.isAny("not_found_error", "NOT_FOUND") && error.mentionsModel()) {
            return Outcome.MODEL_UNAVAILABLE;
        }
        if (error.isAny("rate_limit_error", "RESOURCE_EXHAUSTED")) {
            return Outcome.RATE_LIMITED;
        }
        if (error.isAny("overloaded_error", "api_error", "UNAVAILABLE", "INTERNAL")) {
            return Outcome.SERVER_ERROR;
        }
        return null;
    }

    /** The outcome of a probe that failed before a whole answer arrived. */
    static Outcome forFailure(Throwable failure) {
        if (failure instanceof TimeoutException) {
            return Outcome.TIMEOUT;
        }
        if (failure instanceof ResponseTooLargeException) {
            return Outcome.INVALID_RESPONSE;
        }
        if (failure instanceof SslHandshakeTimeoutException) {
            return Outcome.TIMEOUT;
        }
        if (failure instanceof ConnectException || failure instanceof UnknownHostException
                || failure instanceof NoRouteToHostException || failure instanceof SSLException
                || failure instanceof PrematureCloseException || failure instanceof ClosedChannelException
                || failure instanceof IOException) {
            return Outcome.CONNECTION_ERROR;
        }
        if (failure.getCause() != null && failure.getCause() != failure) {
            return forFailure(failure.getCause());
        }
        return Outcome.CONNECTION_ERROR;
    }

    /** A short, typed description of a failure, without stack trace. */
    static String describe(Throwable failure, TargetConfig target) {
        if (failure instanceof TimeoutException) {
            return "no complete answer within " + Durations.format(target.timeout());
        }
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    /** Applies the target's expectations to a usable answer: its content, then its latency. */
    static Answer expect(Answer answer, TargetConfig target, Duration latency) {
        if (!answer.succeeded()) {
            return answer;
        }
        Pattern pattern = target.expect().contentPattern();
        if (pattern != null && answer.content() != null && !pattern.matcher(answer.content()).find()) {
            return new Answer(Outcome.CONTENT_MISMATCH, "answer does not match content-regex: "
                    + quote(answer.content()), null, answer.content(), answer.outputTokens(), answer.tokensPerSecond());
        }
        Duration maxLatency = target.expect().maxLatency();
        if (maxLatency != null && latency.compareTo(maxLatency) > 0) {
            return new Answer(Outcome.SLOW, "took " + latency.toMillis() + " ms, more than max-latency "
                    + Durations.format(maxLatency), null, answer.content(),
                    answer.outputTokens(), answer.tokensPerSecond());
        }
        return answer;
    }

    private static String quote(String content) {
        String oneLine = content.replaceAll("\\s+", " ").trim();
        return "'" + (oneLine.length() > 60 ? oneLine.substring(0, 59) + "…" : oneLine) + "'";
    }
}
