package dev.llmuptime.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmuptime.schema.BackoffReasons;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The waits providers ask for, read from their response headers. */
class ProviderWaitTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private static final ResponseHeaderNames OPENAI = new ResponseHeaderNames(List.of("x-request-id"),
            "x-ratelimit-remaining-requests", "x-ratelimit-remaining-tokens", "x-ratelimit-reset-requests");
    private static final ResponseHeaderNames ANTHROPIC = new ResponseHeaderNames(List.of("request-id"),
            "anthropic-ratelimit-requests-remaining", "anthropic-ratelimit-tokens-remaining",
            "anthropic-ratelimit-requests-reset");

    @Test
    void retryAfterInSecondsOnA429() {
        ProviderWait wait = ProviderWait.read(429, headers("retry-after", "12"), OPENAI, null, NOW);

        assertThat(wait).isEqualTo(new ProviderWait(BackoffReasons.RETRY_AFTER, NOW.plusSeconds(12)));
    }

    @Test
    void retryAfterAsAnHttpDate() {
        ProviderWait wait = ProviderWait.read(429, headers("retry-after", "Sun, 29 Nov 2026 12:01:30 GMT"), OPENAI,
                null, NOW);

        assertThat(wait).isEqualTo(new ProviderWait(BackoffReasons.RETRY_AFTER, NOW.plusSeconds(90)));
    }

    @Test
    void retryAfterCountsOnlyOnA429OrA503() {
        assertThat(ProviderWait.read(503, headers("retry-after", "5"), OPENAI, null, NOW)).isNotNull();
        assertThat(ProviderWait.read(500, headers("retry-after", "5"), OPENAI, null, NOW)).isNull();
        assertThat(ProviderWait.read(429, headers("retry-after", "soon"), OPENAI, null, NOW)).isNull();
    }

    @ParameterizedTest
    @CsvSource({"1s, 1000", "6m0s, 360000", "20ms, 20", "1h2m3.5s, 3723500", "0.5s, 500"})
    void openAiResetOnceNoRequestRemains(String reset, long millis) {
        HttpHeaders headers = headers("x-ratelimit-remaining-requests", "0").set("x-ratelimit-reset-requests", reset);

        ProviderWait wait = ProviderWait.read(200, headers, OPENAI, 0L, NOW);

        assertThat(wait).isEqualTo(new ProviderWait(BackoffReasons.RATE_LIMIT_RESET, NOW.plusMillis(millis)));
    }

    @Test
    void anthropicResetIsAnRfc3339Date() {
        HttpHeaders headers = headers("anthropic-ratelimit-requests-remaining", "0")
                .set("anthropic-ratelimit-requests-reset", "2026-11-29T12:00:42Z");

        ProviderWait wait = ProviderWait.read(200, headers, ANTHROPIC, 0L, NOW);

        assertThat(wait).isEqualTo(new ProviderWait(BackoffReasons.RATE_LIMIT_RESET, NOW.plus(Duration.ofSeconds(42))));
    }

    @Test
    void aResetIsNoWaitWhileRequestsRemain() {
        HttpHeaders headers = headers("x-ratelimit-reset-requests", "6m0s");

        assertThat(ProviderWait.read(200, headers, OPENAI, 3L, NOW)).isNull();
        assertThat(ProviderWait.read(200, headers, OPENAI, null, NOW)).isNull();
    }

    private static HttpHeaders headers(String name, String value) {
        return new DefaultHttpHeaders().set(name, value);
    }
}
