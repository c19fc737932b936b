package dev.llmuptime.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Keys of the state topic keep the bytes earlier releases wrote, and parse back. */
class StateKeyTest {

    @Test
    void aRuleAndTargetAreJoinedByNul() {
        RuleTargetKey key = new RuleTargetKey("down", "openai-gpt-4o-mini-chat");

        assertThat(key.encode()).isEqualTo("down\u0000openai-gpt-4o-mini-chat");
        assertThat(RuleTargetKey.parse(key.encode())).isEqualTo(key);
    }

    @Test
    void aRuleNameMayHoldAnythingButNul() {
        RuleTargetKey key = new RuleTargetKey("p95 > 5s: slow/eu", "a");

        assertThat(RuleTargetKey.parse(key.encode())).isEqualTo(key);
        assertThatThrownBy(() -> RuleTargetKey.parse("down-a")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRegionFollowsTheTargetAfterASecondNul() {
        RuleTargetKey key = new RuleTargetKey("down-region", "a", "eu-west");

        assertThat(key.encode()).isEqualTo("down-region\u0000a\u0000eu-west");
        assertThat(RuleTargetKey.parse(key.encode())).isEqualTo(key);
        assertThat(RuleTargetKey.parse("down\u0000a").region()).as("a key without a region").isNull();
    }

    @Test
    void anAlertStateKeyIsPrefixedWithAlert() {
        StateKey key = new StateKey.Alert(new RuleTargetKey("down", "a"));

        assertThat(key.encode()).isEqualTo("alert/down\u0000a");
        assertThat(StateKey.parse(key.encode())).contains(key);
    }

    @Test
    void aSeenKeyIsPrefixedWithSeen() {
        StateKey key = new StateKey.Seen("a");

        assertThat(key.encode()).isEqualTo("seen/a");
        assertThat(StateKey.parse(key.encode())).contains(key);
    }

    @Test
    void anEpisodeKeyIsPrefixedWithEpisode() {
        StateKey key = new StateKey.EpisodeOf("down:a:1764151205000");

        assertThat(key.encode()).isEqualTo("episode/down:a:1764151205000");
        assertThat(StateKey.parse(key.encode())).contains(key);
    }

    @Test
    void aKeyOfAnotherKindIsLeftAlone() {
        assertThat(StateKey.parse("silence/123")).isEmpty();
    }
}
