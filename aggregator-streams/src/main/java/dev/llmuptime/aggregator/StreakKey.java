package dev.llmuptime.aggregator;

/** Key of a target's streak in one region (or {@code *}, all regions): {@code target NUL region}. */
record StreakKey(String targetId, String region) {

    String encode() {
        return StoreKeyFormat.join(targetId, region);
    }

    static StreakKey parse(String key) {
        String[] fields = StoreKeyFormat.split(key, 2);
        return new StreakKey(fields[0], fields[1]);
    }
}
