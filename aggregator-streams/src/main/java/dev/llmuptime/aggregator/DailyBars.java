package dev.llmuptime.aggregator;

import dev.llmuptime.aggregator.state.WindowAccumulator;
import dev.llmuptime.schema.UptimeCounts;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Uptime per UTC day, from windows of at most a day (each counted in the day it starts in). A day
 * without a probe that counts toward uptime has no uptime: it is shown as no data, never as 100 %.
 */
final class DailyBars {

    /** How many days the status page shows. */
    static final int DAYS = 90;

    /** One day: its probes and its uptime, null when nothing counted. */
    record Day(LocalDate date, long probes, Double uptime) {
    }

    private DailyBars() {
    }

    /** The start of the first of the {@code days} days ending today (UTC), for reading the windows. */
    static Instant firstDayStart(Instant now, int days) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(days - 1L).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The {@code days} days ending today, oldest first; windows outside them are left out. */
    static List<Day> of(List<WindowAccumulator> windows, Instant now, int days) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate first = today.minusDays(days - 1L);
        Map<LocalDate, UptimeCounts> counts = new HashMap<>();
        Map<LocalDate, Long> probes = new HashMap<>();
        for (WindowAccumulator window : windows) {
            LocalDate date = LocalDate.ofInstant(Instant.ofEpochMilli(window.getWindowStart()), ZoneOffset.UTC);
            if (date.isBefore(first) || date.isAfter(today)) {
                continue;
            }
            counts.merge(date, UptimeCounts.of(window.getCount(), window.getOutcomeCounts()), UptimeCounts::plus);
            probes.merge(date, window.getCount(), Long::sum);
        }
        List<Day> bars = new ArrayList<>(days);
        for (LocalDate date = first; !date.isAfter(today); date = date.plusDays(1)) {
            UptimeCounts day = counts.get(date);
            bars.add(new Day(date, probes.getOrDefault(date, 0L), day == null ? null : day.uptime()));
        }
        return bars;
    }
}
