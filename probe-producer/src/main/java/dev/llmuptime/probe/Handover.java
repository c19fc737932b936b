package dev.llmuptime.probe;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Targets moving between the probers of a region. A prober gives a target up only once its probe
 * in flight has ended, so the next owner's first probe never overlaps the last one of this prober:
 * two probes at once would double the load on the provider and put two results in one moment of
 * the target's history.
 */
final class Handover {

    private final Duration patience;
    private final Map<String, Integer> probing = new HashMap<>();
    private final Set<String> givenUp = new HashSet<>();

    /** {@code patience}: the longest a probe can run, after which a target is given up anyway. */
    Handover(Duration patience) {
        this.patience = patience;
    }

    /** Marks a probe of {@code target} as started; false, and nothing started, once the target is given up. */
    synchronized boolean begin(String target) {
        if (givenUp.contains(target)) {
            return false;
        }
        probing.merge(target, 1, Integer::sum);
        return true;
    }

    synchronized void end(String target) {
        probing.computeIfPresent(target, (id, running) -> running == 1 ? null : running - 1);
        notifyAll();
    }

    /** These targets are this prober's again. */
    synchronized void taken(Collection<String> targets) {
        givenUp.removeAll(targets);
    }

    /**
     * Gives these targets up: no probe of them starts from now on, and this waits for those in
     * flight to end, at most the patience. False if one still runs then.
     */
    synchronized boolean giveUp(Collection<String> targets) throws InterruptedException {
        givenUp.addAll(targets);
        long deadline = System.nanoTime() + patience.toNanos();
        while (targets.stream().anyMatch(probing::containsKey)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    Duration patience() {
        return patience;
    }
}
