package dev.llmuptime.aggregator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Store keys keep the bytes earlier releases wrote (state stores, changelogs), and parse back. */
class StoreKeysTest {

    private static final long START = 1_764_151_200_000L;

    @Test
    void aStreakKeyIsTargetAndRegion() {
        StreakKey key = new StreakKey("openai-gpt-4o-mini-chat", "*");

        assertThat(key.encode()).isEqualTo("openai-gpt-4o-mini-chat\u0000*");
        assertThat(StreakKey.parse(key.encode())).isEqualTo(key);
    }

    @Test
    void aSeriesKeyEndsWithItsZeroPaddedSizeAndASeparator() {
        SeriesKey key = new SeriesKey("a", "eu-west", 60_000);

        assertThat(key.encode()).isEqualTo("a\u0000eu-west\u0000000000000060000\u0000");
        assertThat(SeriesKey.parse(key.encode())).isEqualTo(key);
    }

    @Test
    void aWindowKeyIsItsSeriesKeyAndItsZeroPaddedStart() {
        WindowKey key = new WindowKey("a", "*", 300_000, START);

        assertThat(key.encode()).isEqualTo("a\u0000*\u0000000000000300000\u0000001764151200000");
        assertThat(key.encode()).startsWith(key.series().encode());
        assertThat(WindowKey.parse(key.encode())).isEqualTo(key);
    }

    @Test
    void keysSortByTargetRegionSizeAndStart() {
        assertThat(new WindowKey("a", "*", 60_000, START).encode())
                .isLessThan(new WindowKey("a", "*", 60_000, START + 60_000).encode())
                .isLessThan(new WindowKey("a", "*", 300_000, START).encode())
                .isLessThan(new WindowKey("a", "eu", 60_000, START).encode())
                .isLessThan(new WindowKey("ab", "*", 60_000, START).encode());
    }

    @Test
    void aRegionWithASeparatorStillParsesBack() {
        WindowKey key = new WindowKey("a", "odd\u0000region", 60_000, START);

        assertThat(WindowKey.parse(key.encode())).isEqualTo(key);
        assertThat(StreakKey.parse(new StreakKey("a", "odd\u0000region").encode()).region()).isEqualTo("odd\u0000region");
    }

    @Test
    void aKeyOfAnotherKindIsRefused() {
        assertThatThrownBy(() -> StreakKey.parse("no-separator")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SeriesKey.parse(new WindowKey("a", "*", 60_000, START).encode()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WindowKey.parse(new StreakKey("a", "*").encode()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
