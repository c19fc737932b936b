package dev.llmuptime.aggregator;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The periods the public status and the uptime badges report uptime over. */
enum UptimeWindow {
    HOUR("1h", Duration.ofHours(1)), DAY("24h", Duration.ofDays(1)), WEEK("7d", Duration.ofDays(7)),
    MONTH("30d", Duration.ofDays(30));

    private final String label;
    private final Duration period;

    UptimeWindow(String label, Duration period) {
        this.label = label;
        this.period = period;
    }

    String label() {
        return label;
    }

    Duration period() {
        return period;
    }

    static Optional<UptimeWindow> parse(String label) {
        return Arrays.stream(values()).filter(window -> window.label.equals(label)).findFirst();
    }

    /** The labels, for an error message: {@code 1h, 24h, 7d, 30d}. */
    static String labels() {
        return Arrays.stream(values()).map(UptimeWindow::label).collect(Collectors.joining(", "));
    }
}
