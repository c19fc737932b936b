package dev.llmuptime.aggregator;

/**
 * Keys of the window stores: target, region, window size and start, zero-padded so that the
 * store's byte order is (target, region, size, start) and one prefix scan returns a time series.
 */
final class StoreKeys {

    private static final char SEPARATOR = '\u0000';

    private StoreKeys() {
    }

    static String window(String targetId, String region, long windowSize, long windowStart) {
        return series(targetId, region, windowSize) + String.format("%015d", windowStart);
    }

    /** The prefix of every window of one target, region and size. */
    static String series(String targetId, String region, long windowSize) {
        return targetId + SEPARATOR + region + SEPARATOR + String.format("%015d", windowSize) + SEPARATOR;
    }

    static String streak(String targetId, String region) {
        return targetId + SEPARATOR + region;
    }
}
