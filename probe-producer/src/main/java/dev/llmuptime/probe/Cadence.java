package dev.llmuptime.probe;

import dev.llmuptime.config.TargetConfig;
import dev.llmuptime.schema.BackoffReasons;
import dev.llmuptime.schema.Outcome;
import dev.llmuptime.schema.Outcomes;
import dev.llmuptime.schema.ProbeReasons;
import dev.llmuptime.schema.ProbeResult;

/**
 * When a target's next probe runs, and why: a pure function of the last probe and the time it
 * ended, in milliseconds of the scheduler's clock. Scheduled probes keep to the grid
 * {@code start + k × interval}, each slot probed at most once. A slot that passes while a probe
 * runs waits for it to end; when several pass, only the newest waits and the older are skipped.
 *
 * <ul>
 * <li>After a failure that counts against uptime, extra probes run between slots: the first
 *     {@code confirm-after} later ({@code confirm}), then every {@code failing-interval}
 *     ({@code failing}), until a probe does not fail; never before a wait the provider asked
 *     for, so a rate limit is not deepened. The first success after them is confirmed once,
 *     {@code confirm-after} later, and then the slots alone run again.
 * <li>A wait the provider asks for (Retry-After, a rate-limit reset), capped by
 *     {@code max-backoff}, skips the slots it covers but the newest, which runs when the wait ends,
 *     as after a long probe.
 * <li>Failures on the monitor's own side (a bad key, a bad request, no quota) open a breaker: the
 *     next probe waits twice the interval, doubling with each such failure in a row up to
 *     {@code breaker-max-interval}; one probe at a time tests it, and any other outcome closes it.
 * </ul>
 * The first probe after a wait is a scheduled one.
 *
 * @param start when slot 0 is due
 * @param nextSlot the first slot neither probed nor skipped
 * @param plannedAt when the probe now running was planned to start
 * @param failing whether the last probe failed against uptime
 * @param ownSideFailures monitor-side failures in a row, which set the breaker's wait
 */
record Cadence(TargetConfig target, long start, long nextSlot, long plannedAt, boolean failing, int ownSideFailures) {

    /** Beyond this many doublings every breaker cap is reached; it keeps the shift from overflowing. */
    private static final int MAX_DOUBLINGS = 30;

    /** The first probe: slot 0, at {@code start}. */
    static NextProbe first(TargetConfig target, long start) {
        return new NextProbe(new Cadence(target, start, 1, start, false, 0), start, start, null, 0, null);
    }

    /** The probe after {@code result}, which ended at {@code now}. */
    NextProbe after(ProbeResult result, long now) {
        Outcome outcome = result.getOutcome();
        boolean failed = Outcomes.countsAgainstUptime(outcome);
        int ownSide = Outcomes.isMonitorSide(outcome) ? ownSideFailures + 1 : 0;
        long interval = target.interval().toMillis();
        long due = now < start ? 0 : (now - start) / interval + 1;
        long slot = Math.max(nextSlot, due - 1);
        long skipped = Math.max(0, due - nextSlot - 1);
        long slotAt = Math.max(now, slotTime(slot));

        Wait wait = Wait.later(providerWait(result, now), breakerWait(ownSide));
        if (wait != null && wait.until() > slotAt) {
            // A one-second Retry-After that ends just after a slot delays that slot, rather than losing it.
            long waitedSlot = Math.max(slot, Math.floorDiv(wait.until() - start, interval));
            long at = wait.until();
            return new NextProbe(next(waitedSlot + 1, at, failed, ownSide), at, at, null, skipped, wait.reason());
        }
        if (failed) {
            boolean confirm = !failing && !target.confirmAfter().isZero();
            long extraAt = now + (confirm ? target.confirmAfter() : target.failingInterval()).toMillis();
            // A shorter wait the provider asks for (Retry-After: 1 on a 429) delays the extra probe.
            boolean waited = wait != null && wait.until() > extraAt;
            long at = waited ? wait.until() : extraAt;
            if (at < slotAt) {
                return new NextProbe(next(slot, at, true, ownSide), at, at,
                        confirm ? ProbeReasons.CONFIRM : ProbeReasons.FAILING, skipped, waited ? wait.reason() : null);
            }
        }
        // The first success after failures is confirmed too, so a recovery is as sure as soon as an outage.
        if (failing && Outcomes.isUp(outcome) && !target.confirmAfter().isZero()) {
            long confirmAt = now + target.confirmAfter().toMillis();
            if (confirmAt < slotAt) {
                return new NextProbe(next(slot, confirmAt, false, ownSide), confirmAt, confirmAt,
                        ProbeReasons.CONFIRM, skipped, null);
            }
        }
        return new NextProbe(next(slot + 1, slotAt, failed, ownSide), slotAt, slotTime(slot), null, skipped, null);
    }

    private Cadence next(long slot, long at, boolean failed, int ownSide) {
        return new Cadence(target, start, slot, at, failed, ownSide);
    }

    private long slotTime(long slot) {
        return start + slot * target.interval().toMillis();
    }

    /** The provider's own ask, which the prober put on the result, capped by {@code max-backoff}. */
    private Wait providerWait(ProbeResult result, long now) {
        if (result.getBackoffReason() == null || result.getBackoffUntil() == null) {
            return null;
        }
        long until = Math.min(result.getBackoffUntil().toEpochMilli(), now + target.maxBackoff().toMillis());
        return new Wait(result.getBackoffReason(), until);
    }

    /** Twice the interval after the first monitor-side failure, doubling, at most the breaker's cap. */
    private Wait breakerWait(int ownSide) {
        if (ownSide == 0) {
            return null;
        }
        long interval = target.interval().toMillis();
        long cap = Math.max(interval, target.breakerMaxInterval().toMillis());
        int doublings = Math.min(ownSide, MAX_DOUBLINGS);
        long wait = interval > (cap >> doublings) ? cap : interval << doublings;
        return new Wait(BackoffReasons.BREAKER, plannedAt + wait);
    }

    /** A wait before the next probe, until {@code until}, for {@code reason}. */
    private record Wait(String reason, long until) {

        /** The longer of two waits, either of which may be null. */
        static Wait later(Wait a, Wait b) {
            if (a == null || b == null) {
                return a == null ? b : a;
            }
            return a.until >= b.until ? a : b;
        }
    }
}
