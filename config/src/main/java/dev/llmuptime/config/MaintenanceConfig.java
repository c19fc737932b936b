package dev.llmuptime.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A recurring maintenance window: alerts its {@code match} selects are recorded but not sent while it lasts. */
public record MaintenanceConfig(
        @JsonProperty("match") AlertMatch match,
        @JsonProperty("weekly") WeeklyConfig weekly) {

    public MaintenanceConfig {
        match = Check.orDefault(match, AlertMatch.ANY);
        Check.required("weekly", weekly);
    }
}
