package dev.llmuptime.alert;

import java.util.Optional;

/**
 * Whether someone has taken on a firing episode: an acknowledged episode gets no more reminders or
 * escalations, and its RESOLVED is still sent.
 */
interface Acknowledgements {

    /** Who took on the alert {@code alertId}; empty: nobody yet. */
    Optional<Acknowledgement> of(String alertId);
}
