package dev.llmuptime.alert;

/** A rule reads the windows of {@code windowSize} ms that began up to {@code lookback} ms ago. */
record HistoryNeed(long windowSize, long lookback) {
}
