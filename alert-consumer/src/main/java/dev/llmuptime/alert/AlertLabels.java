package dev.llmuptime.alert;

import dev.llmuptime.schema.AlertEvent;

/**
 * What routes, maintenance windows and silences match an alert on.
 *
 * @param region the region of a region's own warning; {@code *} for an alert on all regions
 */
record AlertLabels(String rule, String severity, String target, String model, String provider, String region) {

    static final String ALL_REGIONS = "*";

    /** The labels of {@code event}, raised in {@code region} (null: on all regions). */
    static AlertLabels of(AlertEvent event, String region) {
        return new AlertLabels(event.getRule(), event.getSeverity(), event.getTargetId(), event.getModel(),
                event.getProvider(), region == null ? ALL_REGIONS : region);
    }
}
