package dev.llmuptime.alert;

import dev.llmuptime.config.MaintenanceConfig;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@code alerts.maintenance}: an alert a window matches is held while the window is open. */
final class MaintenanceWindows implements Holds {

    static final String REASON = "maintenance";

    private final List<Window> windows;

    MaintenanceWindows(List<MaintenanceConfig> maintenance) {
        this.windows = maintenance.stream()
                .map(window -> new Window(LabelMatch.of(window.match()), new WeeklyWindow(window.weekly()))).toList();
    }

    @Override
    public Optional<String> heldBy(AlertLabels labels, long now) {
        Instant at = Instant.ofEpochMilli(now);
        return windows.stream().anyMatch(window -> window.match().matches(labels) && window.weekly().covers(at))
                ? Optional.of(REASON) : Optional.empty();
    }

    private record Window(LabelMatch match, WeeklyWindow weekly) {
    }
}
