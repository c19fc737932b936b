package dev.llmuptime.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * A window that recurs every week: on each of {@code days} (default: every day) from {@code start}
 * ({@code HH:MM}, local time of {@code timezone}, default UTC) for {@code duration}, which may run
 * past midnight but not past a week.
 */
public record WeeklyConfig(
        @JsonProperty("days") List<Weekday> days,
        @JsonProperty("start") String start,
        @JsonProperty("duration") Duration duration,
        @JsonProperty("timezone") String timezone) {

    private static final DateTimeFormatter HOURS_MINUTES = DateTimeFormatter.ofPattern("HH:mm");
    private static final Duration WEEK = Duration.ofDays(7);

    public WeeklyConfig {
        days = List.copyOf(Check.orDefault(days, List.of(Weekday.values())));
        if (days.isEmpty()) {
            throw new InvalidValueException("days", "must name at least one day (leave it out for every day)");
        }
        Check.requiredText("start", start);
        try {
            LocalTime.parse(start, HOURS_MINUTES);
        } catch (DateTimeParseException e) {
            throw new InvalidValueException("start", "'" + start + "' is not a time of day (expected HH:MM, e.g. 02:00)");
        }
        duration = Check.positive("duration", Check.required("duration", duration), Duration.ZERO);
        if (duration.compareTo(WEEK) > 0) {
            throw new InvalidValueException("duration", "must not be longer than 7d, got " + Durations.format(duration));
        }
        timezone = Check.orDefault(timezone, "UTC");
        try {
            ZoneId.of(timezone);
        } catch (DateTimeException e) {
            throw new InvalidValueException("timezone", "'" + timezone + "' is not a time zone (e.g. UTC, Europe/Berlin)");
        }
    }

    /** {@code start} as a time of day. */
    public LocalTime startTime() {
        return LocalTime.parse(start, HOURS_MINUTES);
    }

    public ZoneId zone() {
        return ZoneId.of(timezone);
    }
}
