package dev.llmuptime.alert;

/**
 * Where one rule stands for one target, as kept in the state topic. Absent means inactive.
 * Times are epoch milliseconds.
 *
 * @param since when the current phase began: the condition first held (PENDING, and the
 *              episode's start once FIRING) or the resolution first held (RESOLVING)
 */
record AlertState(Status status, long since, String alertId, long startsAt, String provider, String model,
        Double value, Double threshold, Long windowStart, Long windowEnd) {

    enum Status { PENDING, FIRING, RESOLVING }

    AlertState with(Status newStatus, long newSince) {
        return new AlertState(newStatus, newSince, alertId, startsAt, provider, model, value, threshold, windowStart,
                windowEnd);
    }
}
