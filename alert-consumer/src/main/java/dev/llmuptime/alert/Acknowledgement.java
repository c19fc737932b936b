package dev.llmuptime.alert;

import java.time.Instant;

/**
 * Someone took on a firing alert: as kept, keyed by alert id, in the acknowledgements topic until
 * the alert resolves.
 *
 * @param by      who took it on, as they said
 * @param comment why or what they do, as they said; may be empty
 */
record Acknowledgement(String alertId, String targetId, String by, String comment, Instant at) {
}
