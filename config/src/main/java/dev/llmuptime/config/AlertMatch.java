package dev.llmuptime.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Which alerts a route, maintenance window or silence applies to: globs ({@code *} any run of
 * characters, {@code ?} one) over the alert's labels. An absent key matches every value; an empty
 * match matches every alert. {@code region} is the region of a region's own warning, {@code *}
 * for an alert on all regions.
 */
public record AlertMatch(
        @JsonProperty("rule") String rule,
        @JsonProperty("severity") String severity,
        @JsonProperty("target") String target,
        @JsonProperty("model") String model,
        @JsonProperty("provider") String provider,
        @JsonProperty("region") String region) {

    public static final AlertMatch ANY = new AlertMatch(null, null, null, null, null, null);

    public AlertMatch {
        for (String[] label : new String[][] {{"rule", rule}, {"severity", severity}, {"target", target},
                {"model", model}, {"provider", provider}, {"region", region}}) {
            if (label[1] != null && label[1].isBlank()) {
                throw new InvalidValueException(label[0], "must not be empty (leave it out to match every value)");
            }
        }
    }
}
