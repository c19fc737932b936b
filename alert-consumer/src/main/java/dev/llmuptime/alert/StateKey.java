package dev.llmuptime.alert;

import java.util.Optional;

/**
 * Key of a record of the compacted state topic: {@code alert/<rule> NUL <target>} holds an
 * {@link AlertState} (a tombstone once inactive), {@code seen/<target>} when the target's stats
 * last arrived, {@code episode/<alertId>} what has been sent of a firing alert ({@link Episode}).
 */
sealed interface StateKey permits StateKey.Alert, StateKey.Seen, StateKey.EpisodeOf {

    String encode();

    /** Empty for a key of neither kind, which the state topic may hold from a newer release. */
    static Optional<StateKey> parse(String key) {
        if (key.startsWith(Alert.PREFIX)) {
            return Optional.of(new Alert(RuleTargetKey.parse(key.substring(Alert.PREFIX.length()))));
        }
        if (key.startsWith(Seen.PREFIX)) {
            return Optional.of(new Seen(key.substring(Seen.PREFIX.length())));
        }
        if (key.startsWith(EpisodeOf.PREFIX)) {
            return Optional.of(new EpisodeOf(key.substring(EpisodeOf.PREFIX.length())));
        }
        return Optional.empty();
    }

    record Alert(RuleTargetKey ruleTarget) implements StateKey {

        private static final String PREFIX = "alert/";

        @Override
        public String encode() {
            return PREFIX + ruleTarget.encode();
        }
    }

    record Seen(String targetId) implements StateKey {

        private static final String PREFIX = "seen/";

        @Override
        public String encode() {
            return PREFIX + targetId;
        }
    }

    record EpisodeOf(String alertId) implements StateKey {

        private static final String PREFIX = "episode/";

        @Override
        public String encode() {
            return PREFIX + alertId;
        }
    }
}
