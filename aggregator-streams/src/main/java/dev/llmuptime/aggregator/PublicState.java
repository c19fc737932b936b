package dev.llmuptime.aggregator;

import java.util.Arrays;

/**
 * A target's state as the public status page and badge tell it. A failure on the monitor's own side
 * and a target without recent probes are both unknown: neither says anything about the provider.
 */
enum PublicState {
    OPERATIONAL("operational", "Operational", "#4c1"), DEGRADED("degraded", "Degraded", "#dfb317"),
    DOWN("down", "Down", "#e05d44"), UNKNOWN("unknown", "Unknown", "#9f9f9f");

    private final String label;
    private final String title;
    private final String colour;

    PublicState(String label, String title, String colour) {
        this.label = label;
        this.title = title;
        this.colour = colour;
    }

    String label() {
        return label;
    }

    String title() {
        return title;
    }

    String colour() {
        return colour;
    }

    static PublicState of(TargetStatus status) {
        return switch (status) {
            case UP -> OPERATIONAL;
            case DEGRADED -> DEGRADED;
            case DOWN -> DOWN;
            case MISCONFIGURED, NO_DATA -> UNKNOWN;
        };
    }

    static PublicState parse(String label) {
        return Arrays.stream(values()).filter(state -> state.label.equals(label)).findFirst().orElse(UNKNOWN);
    }
}
