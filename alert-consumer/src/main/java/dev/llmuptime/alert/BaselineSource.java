package dev.llmuptime.alert;

import java.time.Duration;

/**
 * One size of window a baseline may be read from: the windows of {@code size} that ended in the
 * {@code span} before the trailing view, each counting with at least {@code answers} answered probes.
 */
record BaselineSource(Duration size, Duration span, int answers) {
}
