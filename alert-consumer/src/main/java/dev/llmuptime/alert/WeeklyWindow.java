package dev.llmuptime.alert;

import dev.llmuptime.config.WeeklyConfig;
import dev.llmuptime.config.Weekday;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * A window recurring on some days of the week at a local time of its zone. It lasts its duration in
 * real time, so a window across a daylight-saving change is as long as any other; one opening at a
 * local time the clock skips opens as much later as the clock jumps.
 */
final class WeeklyWindow {

    private final Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    private final LocalTime start;
    private final Duration duration;
    private final ZoneId zone;

    WeeklyWindow(WeeklyConfig config) {
        config.days().stream().map(Weekday::day).forEach(days::add);
        this.start = config.startTime();
        this.duration = config.duration();
        this.zone = config.zone();
    }

    boolean covers(Instant instant) {
        LocalDate today = instant.atZone(zone).toLocalDate();
        // A window opened on an earlier day may still be open: look back as many days as it lasts.
        long daysBack = duration.toDays() + 1;
        for (long back = 0; back <= daysBack; back++) {
            LocalDate day = today.minusDays(back);
            if (days.contains(day.getDayOfWeek())) {
                Instant opens = ZonedDateTime.of(day, start, zone).toInstant();
                if (!instant.isBefore(opens) && instant.isBefore(opens.plus(duration))) {
                    return true;
                }
            }
        }
        return false;
    }
}
