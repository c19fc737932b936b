package dev.llmuptime.alert;

/**
 * What a {@link WindowRule} concludes from one stats update. {@code problem} and {@code recovered}
 * are not each other's negation: with too few samples neither holds, and a {@code resolve-when}
 * condition may ask for more than the problem being gone.
 *
 * @param value     the measured value of the rule's metric, null when there is none
 * @param threshold the rule's threshold, null when it has none
 */
record Verdict(boolean problem, boolean recovered, Double value, Double threshold) {
}
