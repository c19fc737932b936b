package dev.llmuptime.aggregator;

/**
 * Key of one open window in the live store: its {@link SeriesKey} followed by its start, so that
 * the store's byte order is (target, region, size, start).
 */
record WindowKey(String targetId, String region, long windowSize, long windowStart) {

    SeriesKey series() {
        return new SeriesKey(targetId, region, windowSize);
    }

    String encode() {
        return series().encode() + StoreKeyFormat.number(windowStart);
    }

    static WindowKey parse(String key) {
        String[] fields = StoreKeyFormat.split(key, 4);
        return new WindowKey(fields[0], fields[1], StoreKeyFormat.number(fields[2]), StoreKeyFormat.number(fields[3]));
    }
}
