package dev.llmuptime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code alerts.webhooks[].circuit-breaker}: its defaults, and one line for each way it can be wrong. */
class BreakerConfigTest {

    @Test
    void aWebhookWithoutTheKeyGetsTheDefaults() {
        BreakerConfig breaker = webhook("{name: ops, url: \"http://127.0.0.1:9000/hook\"}").circuitBreaker();

        assertThat(breaker).isEqualTo(BreakerConfig.DEFAULT);
        assertThat(breaker.failureRateThreshold()).isEqualTo(50);
        assertThat(breaker.slidingWindow()).isEqualTo(10);
        assertThat(breaker.minimumCalls()).isEqualTo(5);
        assertThat(breaker.waitInOpen()).isEqualTo(Duration.ofSeconds(30));
        assertThat(breaker.halfOpenCalls()).isEqualTo(1);
    }

    @Test
    void everyKeyIsRead() {
        BreakerConfig breaker = webhook("""
                {name: ops, url: "http://127.0.0.1:9000/hook", circuit-breaker: {failure-rate-threshold: 80,
                  sliding-window: 20, minimum-calls: 4, wait-in-open: 2m, half-open-calls: 3}}""").circuitBreaker();

        assertThat(breaker).isEqualTo(new BreakerConfig(80, 20, 4, Duration.ofMinutes(2), 3));
    }

    @Test
    void aSmallWindowLowersTheDefaultMinimum() {
        BreakerConfig breaker = webhook("""
                {name: ops, url: "http://127.0.0.1:9000/hook", circuit-breaker: {sliding-window: 2}}""")
                .circuitBreaker();

        assertThat(breaker.minimumCalls()).isEqualTo(2);
    }

    @Test
    void unknownKeySuggestsTheNearestOne() {
        assertError("circuit-breaker: {wait-in-opn: 10s}", "monitor.yaml:5: unknown key 'wait-in-opn' in "
                + "alerts.webhooks[0].circuit-breaker (did you mean 'wait-in-open'?); expected one of "
                + "failure-rate-threshold, half-open-calls, minimum-calls, sliding-window, wait-in-open");
    }

    @Test
    void thresholdIsAPercentage() {
        assertError("circuit-breaker: {failure-rate-threshold: 120}", "monitor.yaml:5: "
                + "alerts.webhooks[0].circuit-breaker.failure-rate-threshold must be from 1 to 100, got 120");
    }

    @Test
    void minimumCallsFitInTheWindow() {
        assertError("circuit-breaker: {sliding-window: 4, minimum-calls: 6}", "monitor.yaml:5: "
                + "alerts.webhooks[0].circuit-breaker.minimum-calls (6) must not be more than sliding-window (4)");
    }

    @Test
    void windowHasAtLeastOneCall() {
        assertError("circuit-breaker: {sliding-window: 0}",
                "alerts.webhooks[0].circuit-breaker.sliding-window must be at least 1, got 0");
    }

    @Test
    void waitInOpenIsADuration() {
        assertError("circuit-breaker: {wait-in-open: soon}", "monitor.yaml:5: "
                + "alerts.webhooks[0].circuit-breaker.wait-in-open: 'soon' is not a duration");
    }

    @Test
    void waitInOpenIsLongerThanZero() {
        assertError("circuit-breaker: {wait-in-open: 0s}",
                "alerts.webhooks[0].circuit-breaker.wait-in-open must be longer than 0");
    }

    @Test
    void halfOpenCallsIsAWholeNumber() {
        assertError("circuit-breaker: {half-open-calls: some}",
                "monitor.yaml:5: alerts.webhooks[0].circuit-breaker.half-open-calls: 'some' is not a whole number");
    }

    private static WebhookConfig webhook(String flow) {
        return load("""
                alerts:
                  webhooks:
                    - %s
                """.formatted(flow)).alerts().webhooks().get(0);
    }

    /** {@code extra} is one more line of the webhook at line 5. */
    private static void assertError(String extra, String expected) {
        assertThatThrownBy(() -> load("""
                alerts:
                  webhooks:
                    - name: ops
                      url: http://127.0.0.1:9000/hook
                      %s
                """.formatted(extra)))
                .isInstanceOf(ConfigException.class)
                .message()
                .satisfies(message -> assertThat(message).contains(expected).doesNotContain("\n"));
    }

    private static MonitorConfig load(String yaml) {
        return new ConfigLoader(name -> null).parse(yaml, "monitor.yaml");
    }
}
