package dev.llmuptime.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmuptime.config.WeeklyConfig;
import dev.llmuptime.config.Weekday;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When a weekly window is open, at its edges, across midnight and in a zone with daylight saving. */
class WeeklyWindowTest {

    @Test
    void openFromItsStartForItsDurationOnItsDaysOnly() {
        WeeklyWindow sunday = new WeeklyWindow(new WeeklyConfig(List.of(Weekday.SUN), "02:00", Duration.ofHours(1), "UTC"));

        assertThat(sunday.covers(Instant.parse("2026-11-29T01:59:59Z"))).isFalse();
        assertThat(sunday.covers(Instant.parse("2026-11-29T02:00:00Z"))).isTrue();
        assertThat(sunday.covers(Instant.parse("2026-11-29T02:59:59Z"))).isTrue();
        assertThat(sunday.covers(Instant.parse("2026-11-29T03:00:00Z"))).isFalse();
        assertThat(sunday.covers(Instant.parse("2026-11-30T02:30:00Z"))).as("a Monday").isFalse();
        assertThat(sunday.covers(Instant.parse("2026-12-06T02:30:00Z"))).as("the next Sunday").isTrue();
    }

    @Test
    void aWindowOpenedLateOnSaturdayIsStillOpenOnSundayMorning() {
        WeeklyWindow saturdayNight = new WeeklyWindow(new WeeklyConfig(List.of(Weekday.SAT), "23:00",
                Duration.ofHours(3), "UTC"));

        assertThat(saturdayNight.covers(Instant.parse("2026-11-29T01:30:00Z"))).isTrue();
        assertThat(saturdayNight.covers(Instant.parse("2026-11-29T02:00:00Z"))).isFalse();
        assertThat(saturdayNight.covers(Instant.parse("2026-11-29T23:30:00Z"))).as("Sunday night").isFalse();
    }

    @Test
    void theStartIsLocalTimeOfTheZoneInSummerAndWinter() {
        WeeklyWindow berlin = new WeeklyWindow(new WeeklyConfig(null, "02:00", Duration.ofHours(1), "Europe/Berlin"));

        assertThat(berlin.covers(Instant.parse("2026-11-26T01:30:00Z"))).as("02:30 CET").isTrue();
        assertThat(berlin.covers(Instant.parse("2026-11-26T02:30:00Z"))).as("03:30 CET").isFalse();
        assertThat(berlin.covers(Instant.parse("2026-07-01T00:30:00Z"))).as("02:30 CEST").isTrue();
        assertThat(berlin.covers(Instant.parse("2026-07-01T01:30:00Z"))).as("03:30 CEST").isFalse();
    }

    @Test
    void aWindowAtATimeTheClockSkipsOpensAsMuchLaterAndLastsItsDuration() {
        // 2026-03-29: clocks in Berlin go from 02:00 to 03:00, so 02:30 does not exist; it opens at 03:30 CEST.
        WeeklyWindow berlin = new WeeklyWindow(new WeeklyConfig(List.of(Weekday.SUN), "02:30", Duration.ofHours(1),
                "Europe/Berlin"));

        assertThat(berlin.covers(Instant.parse("2026-03-29T01:29:59Z"))).isFalse();
        assertThat(berlin.covers(Instant.parse("2026-03-29T01:30:00Z"))).isTrue();
        assertThat(berlin.covers(Instant.parse("2026-03-29T02:29:59Z"))).isTrue();
        assertThat(berlin.covers(Instant.parse("2026-03-29T02:30:00Z"))).isFalse();
    }
}
