package dev.llmuptime.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GroupSessionTest {

    @Test
    void aCrashedMemberIsNoticedAfterTenSeconds() {
        Map<String, Object> properties = GroupSession.withTimeout(new HashMap<>(Map.of("group.id", "g")));

        assertThat(properties).containsEntry("session.timeout.ms", 10_000).containsEntry("group.id", "g");
    }

    @Test
    void aTimeoutFromKafkaClientWins() {
        Map<String, Object> properties = GroupSession.withTimeout(new HashMap<>(Map.of("session.timeout.ms", "45000")));

        assertThat(properties).containsEntry("session.timeout.ms", "45000");
    }
}
