package dev.llmuptime.alert;

import dev.llmuptime.schema.WindowStats;
import java.time.Duration;

/**
 * Where one rule stands for one target, as kept in the state topic. Absent means inactive.
 * Times are epoch milliseconds. Built through the factories and transitions below; the
 * canonical constructor is what the state topic's JSON is read with.
 *
 * @param since    when the current phase began: the condition first held (PENDING, and the
 *                 episode's start once FIRING) or the resolution first held (RESOLVING)
 * @param alertId  null until FIRING
 * @param provider and the fields after it: the last measurement, null where there was none
 */
record AlertState(Status status, long since, String alertId, long startsAt, String provider, String model,
        Double value, Double threshold, Long windowStart, Long windowEnd) {

    enum Status { PENDING, FIRING, RESOLVING }

    /** A window rule's problem, first seen at {@code since} in {@code stats}. */
    static AlertState pending(long since, WindowStats stats, Verdict verdict) {
        return new AlertState(Status.PENDING, since, null, since, null, null, null, null, null, null)
                .measured(stats, verdict);
    }

    /** A target whose stats last arrived at {@code lastSeen}, silent for {@code silentFor} ms against {@code limit}. */
    static AlertState silent(long lastSeen, long silentFor, Duration limit) {
        return new AlertState(Status.PENDING, lastSeen, null, lastSeen, null, null, silentFor / 1000.0,
                (double) limit.toSeconds(), null, null);
    }

    /** This pending problem, firing as episode {@code newAlertId}, which starts when the problem began. */
    AlertState firing(String newAlertId) {
        return new AlertState(Status.FIRING, since, newAlertId, since, provider, model, value, threshold, windowStart,
                windowEnd);
    }

    /** This firing episode, its resolution first held at {@code resolvedSince}. */
    AlertState resolving(long resolvedSince) {
        return new AlertState(Status.RESOLVING, resolvedSince, alertId, startsAt, provider, model, value, threshold,
                windowStart, windowEnd);
    }

    /** This resolving episode, firing again as it was: the resolution must hold without a break. */
    AlertState firingAgain() {
        return new AlertState(Status.FIRING, startsAt, alertId, startsAt, provider, model, value, threshold,
                windowStart, windowEnd);
    }

    /** The same phase, with the latest measurement of the rule's window. */
    AlertState measured(WindowStats stats, Verdict verdict) {
        return new AlertState(status, since, alertId, startsAt, stats.getProvider(), stats.getModel(), verdict.value(),
                verdict.threshold(), stats.getWindowStart().toEpochMilli(), stats.getWindowEnd().toEpochMilli());
    }
}
