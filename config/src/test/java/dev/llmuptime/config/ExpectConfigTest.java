package dev.llmuptime.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ExpectConfigTest {

    @Test
    void theContentRegexIsCompiledOnceNotOnEveryProbe() {
        ExpectConfig expect = new ExpectConfig("(?i)\\bok\\b", null);

        assertThat(expect.contentPattern()).isSameAs(expect.contentPattern());
        assertThat(expect.contentPattern().matcher("Ok.").find()).isTrue();
    }

    @Test
    void expectationsWithTheSameRegexAreEqual() {
        ExpectConfig expect = new ExpectConfig("(?i)\\bok\\b", Duration.ofSeconds(10));

        assertThat(expect).isEqualTo(new ExpectConfig("(?i)\\bok\\b", Duration.ofSeconds(10)))
                .hasSameHashCodeAs(new ExpectConfig("(?i)\\bok\\b", Duration.ofSeconds(10)))
                .isNotEqualTo(new ExpectConfig("(?i)\\byes\\b", Duration.ofSeconds(10)))
                .isNotEqualTo(new ExpectConfig("(?i)\\bok\\b", null));
        assertThat(ExpectConfig.NONE).isEqualTo(new ExpectConfig((String) null, null));
    }
}
