package dev.llmuptime.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * {@code alerts.inhibit}: when at least {@code share} of a provider's configured targets, and at least
 * {@code min-targets} of them, have a critical alert firing, one {@code provider-down} alert is sent
 * and the provider's other alerts are held back while it fires. On unless {@code enabled: false}.
 */
public record InhibitConfig(
        @JsonProperty("enabled") Boolean enabled,
        @JsonProperty("share") @JsonDeserialize(using = RatioDeserializer.class) Double share,
        @JsonProperty("min-targets") Integer minTargets) {

    public static final InhibitConfig DEFAULT = new InhibitConfig(null, null, null);

    public InhibitConfig {
        enabled = Check.orDefault(enabled, true);
        share = Check.orDefault(share, 0.5);
        if (!(share > 0 && share <= 1)) {
            throw new InvalidValueException("share", "must be above 0 and at most 1 (e.g. 0.5 or 50%), got " + share);
        }
        minTargets = Check.atLeast("min-targets", minTargets, 2, 1);
    }
}
