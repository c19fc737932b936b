package dev.llmuptime.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** One table over every HTTP status code, and the backoff's bounds. */
class RetryPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    @Test
    void everyStatusCode() {
        for (int status = 100; status < 600; status++) {
            Attempt.Result expected;
            if (status >= 200 && status < 300) {
                expected = Attempt.Result.DELIVERED;
            } else if (status == 408 || status == 429 || status >= 500) {
                expected = Attempt.Result.RETRY;
            } else {
                expected = Attempt.Result.PERMANENT;
            }
            assertThat(RetryPolicy.classify(status, null, "", NOW).result()).as("HTTP %d", status).isEqualTo(expected);
        }
    }

    @Test
    void networkErrorsAreRetried() {
        Attempt attempt = RetryPolicy.networkError(new ConnectException("Connection refused"));

        assertThat(attempt.result()).isEqualTo(Attempt.Result.RETRY);
        assertThat(attempt.reason()).isEqualTo("ConnectException: Connection refused");
    }

    @Test
    void reasonCarriesTheStatusAndAShortBody() {
        assertThat(RetryPolicy.classify(400, null, "{\"error\": \"bad payload\"}\n", NOW).reason())
                .isEqualTo("HTTP 400: {\"error\": \"bad payload\"}");
    }

    @Test
    void retryAfterInSecondsOrAsADateIsHonoured() {
        RetryPolicy policy = new RetryPolicy(RandomGenerator.of("L64X128MixRandom"));

        Attempt seconds = RetryPolicy.classify(429, "7", "", NOW);
        assertThat(policy.delay(1, seconds)).isEqualTo(Duration.ofSeconds(7));
        Attempt date = RetryPolicy.classify(503, "Thu, 26 Nov 2026 10:00:30 GMT", "", NOW);
        assertThat(policy.delay(3, date)).isEqualTo(Duration.ofSeconds(30));
        assertThat(RetryPolicy.classify(503, "soon", "", NOW).retryAfter()).isNull();
    }

    @Test
    void fullJitterStaysUnderTheDoublingCeilingCappedAtAMinute() {
        RetryPolicy policy = new RetryPolicy(RandomGenerator.of("L64X128MixRandom"));
        Attempt failed = RetryPolicy.classify(500, null, "", NOW);

        for (int retry = 1; retry <= 12; retry++) {
            long ceiling = Math.min(60_000, 1000L << (retry - 1));
            long max = 0;
            long min = Long.MAX_VALUE;
            for (int i = 0; i < 2000; i++) {
                long delay = policy.delay(retry, failed).toMillis();
                max = Math.max(max, delay);
                min = Math.min(min, delay);
            }
            assertThat(max).as("retry %d", retry).isLessThanOrEqualTo(ceiling).isGreaterThan(ceiling * 9 / 10);
            assertThat(min).as("retry %d: full jitter reaches down to zero", retry).isLessThan(ceiling / 10 + 1);
        }
    }
}
