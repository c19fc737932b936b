package dev.llmuptime.aggregator;

/**
 * Key of the windows of one target, region and size: {@code target NUL region NUL size NUL}. The
 * history stores keep every window of a series under it; it is the prefix of each {@link WindowKey}
 * of the series, so one prefix scan of the live store finds them.
 */
record SeriesKey(String targetId, String region, long windowSize) {

    String encode() {
        return StoreKeyFormat.join(targetId, region, StoreKeyFormat.number(windowSize), "");
    }

    static SeriesKey parse(String key) {
        String[] fields = StoreKeyFormat.split(key, 4);
        if (!fields[3].isEmpty()) {
            throw new IllegalArgumentException("a series key ends with its window size: " + fields[3]);
        }
        return new SeriesKey(fields[0], fields[1], StoreKeyFormat.number(fields[2]));
    }
}
