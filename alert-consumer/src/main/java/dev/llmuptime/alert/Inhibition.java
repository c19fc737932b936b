package dev.llmuptime.alert;

import java.util.Collection;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code alerts.inhibit}: while a provider's {@link ProviderDown} alert fires, decided by whichever
 * instance, the provider's other alerts are held ({@code inhibited:<alertId>}); those still firing when
 * it resolves are sent then. Alerts sent before it fired are not recalled.
 */
final class Inhibition implements Holds {

    static final String REASON_PREFIX = "inhibited:";

    private final Supplier<Collection<Episode>> firing;

    /** {@code firing} gives the firing alerts of every instance. */
    Inhibition(Supplier<Collection<Episode>> firing) {
        this.firing = firing;
    }

    @Override
    public Optional<String> heldBy(AlertLabels labels, long now) {
        if (ProviderDown.RULE.equals(labels.rule()) || labels.provider() == null) {
            return Optional.empty();
        }
        return firing.get().stream()
                .filter(episode -> ProviderDown.RULE.equals(episode.labels().rule())
                        && labels.provider().equals(episode.labels().target()))
                .map(episode -> REASON_PREFIX + episode.alertId()).min(String::compareTo);
    }
}
