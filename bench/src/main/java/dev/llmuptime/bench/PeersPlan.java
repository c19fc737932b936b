package dev.llmuptime.bench;

import java.time.Duration;

/**
 * How long each phase of the peers benchmark lasts: the healthy run, the intermittent errors, the
 * warm-up before the trials (counted from the start of the probes, so the phases before it count
 * towards it), how many trials, and the two-region case.
 */
record PeersPlan(Duration healthyRun, Duration intermittentErrors, Duration warmUp, int trials, Duration twoRegions) {
}
