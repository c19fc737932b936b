package dev.llmuptime.probe;

/**
 * A target's next probe as {@link Cadence} decided it.
 *
 * @param cadence the target's cadence once this probe has run
 * @param at when it starts, in milliseconds of the scheduler's clock
 * @param scheduledAt its slot's time, earlier than {@code at} when the slot waited for the last probe;
 *     {@code at} for a probe between slots
 * @param reason why it runs between slots ({@code confirm}, {@code failing}); null for a scheduled probe
 * @param skippedSlots slots that passed while the last probe ran, other than the one waiting for it
 * @param backoffReason why it waits longer than the target's cadence; null when it does not
 */
record NextProbe(Cadence cadence, long at, long scheduledAt, String reason, long skippedSlots, String backoffReason) {
}
