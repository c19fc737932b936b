package dev.llmuptime.alert;

/**
 * One rule on one target, and for a region's own warning the region: where an {@link AlertState}
 * lives. Written {@code <rule> NUL <target>}, plus {@code NUL <region>} for a region; target ids
 * never hold a NUL, so the first one ends the rule's name and a second one starts the region.
 *
 * @param region null for the rule on the target as a whole
 */
record RuleTargetKey(String rule, String targetId, String region) {

    private static final char SEPARATOR = '\u0000';

    RuleTargetKey(String rule, String targetId) {
        this(rule, targetId, null);
    }

    String encode() {
        return rule + SEPARATOR + targetId + (region == null ? "" : SEPARATOR + region);
    }

    static RuleTargetKey parse(String key) {
        int separator = key.indexOf(SEPARATOR);
        if (separator < 0) {
            throw new IllegalArgumentException("not a rule and target: " + key);
        }
        int regionSeparator = key.indexOf(SEPARATOR, separator + 1);
        if (regionSeparator < 0) {
            return new RuleTargetKey(key.substring(0, separator), key.substring(separator + 1));
        }
        return new RuleTargetKey(key.substring(0, separator), key.substring(separator + 1, regionSeparator),
                key.substring(regionSeparator + 1));
    }
}
