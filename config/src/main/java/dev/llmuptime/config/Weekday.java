package dev.llmuptime.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.DayOfWeek;

/** A day of the week as the config spells it. */
public enum Weekday {
    MON("mon", DayOfWeek.MONDAY),
    TUE("tue", DayOfWeek.TUESDAY),
    WED("wed", DayOfWeek.WEDNESDAY),
    THU("thu", DayOfWeek.THURSDAY),
    FRI("fri", DayOfWeek.FRIDAY),
    SAT("sat", DayOfWeek.SATURDAY),
    SUN("sun", DayOfWeek.SUNDAY);

    private final String configName;
    private final DayOfWeek day;

    Weekday(String configName, DayOfWeek day) {
        this.configName = configName;
        this.day = day;
    }

    @JsonValue
    public String configName() {
        return configName;
    }

    public DayOfWeek day() {
        return day;
    }

    @JsonCreator
    public static Weekday fromConfig(String text) {
        return ConfigNames.parse(values(), text, Weekday::configName);
    }
}
