package dev.llmuptime.alert;

/**
 * One rule on one target: where an {@link AlertState} lives. Written {@code <rule> NUL <target>};
 * target ids never hold a NUL, so the first one ends the rule's name.
 */
record RuleTargetKey(String rule, String targetId) {

    private static final char SEPARATOR = '\u0000';

    String encode() {
        return rule + SEPARATOR + targetId;
    }

    static RuleTargetKey parse(String key) {
        int separator = key.indexOf(SEPARATOR);
        if (separator < 0) {
            throw new IllegalArgumentException("not a rule and target: " + key);
        }
        return new RuleTargetKey(key.substring(0, separator), key.substring(separator + 1));
    }
}
