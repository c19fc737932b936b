package dev.llmuptime.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FailingIntervalTest {

    @Test
    void aFifthOfTheIntervalAtLeastASecondNeverSlowerThanTheInterval() {
        assertThat(FailingInterval.defaultFor(Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(6));
        assertThat(FailingInterval.defaultFor(Duration.ofMinutes(1))).isEqualTo(Duration.ofSeconds(12));
        assertThat(FailingInterval.defaultFor(Duration.ofSeconds(2))).isEqualTo(Duration.ofSeconds(1));
        assertThat(FailingInterval.defaultFor(Duration.ofMillis(500))).isEqualTo(Duration.ofMillis(500));
    }
}
