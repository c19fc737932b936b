package dev.llmuptime.alert;

import java.util.Optional;

/**
 * What holds an alert back from its webhooks: it is still written to the alerts topic, and sent
 * once nothing holds it any more. Maintenance windows are one source; silences and inhibition are others.
 */
interface Holds {

    /** Why an alert with these labels is held at {@code now} (epoch ms), e.g. {@code maintenance}; empty: it is not. */
    Optional<String> heldBy(AlertLabels labels, long now);

    /** These holds, then {@code next} for what these do not hold: the first reason wins. */
    default Holds orElse(Holds next) {
        return (labels, now) -> heldBy(labels, now).or(() -> next.heldBy(labels, now));
    }
}
