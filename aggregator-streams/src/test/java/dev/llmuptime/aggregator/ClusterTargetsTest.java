package dev.llmuptime.aggregator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.internals.StreamsMetadataImpl;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** An instance that cannot be reached is named with its partitions: its targets are never silently left out. */
class ClusterTargetsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HostInfo SELF = new HostInfo("127.0.0.1", 1);

    @Test
    void anUnreachableInstanceMakesTheAnswerPartial() throws Exception {
        HostInfo gone = new HostInfo("127.0.0.1", closedPort());
        ClusterTargets targets = new ClusterTargets(new ClusterMetadata(() -> null, () -> SELF),
                new Peers(Duration.ofSeconds(2)), JSON);

        JsonNode answer = targets.gather("/api/v1/targets", Mono.just(JSON.readTree("[{\"targetId\": \"a\"}]")),
                List.of(instance(SELF, 0), instance(gone, 1))).block(Duration.ofSeconds(30));

        assertThat(answer.path("partial").asBoolean()).isTrue();
        assertThat(answer.path("targets").get(0).path("targetId").asText()).isEqualTo("a");
        assertThat(answer.path("targets")).hasSize(1);
        JsonNode missing = answer.path("missing").get(0);
        assertThat(missing.path("instance").asText()).isEqualTo("127.0.0.1:" + gone.port());
        assertThat(missing.path("partitions").get(0).asText()).isEqualTo("llm.probe.results-1");
    }

    @Test
    void aCompleteAnswerIsTheBareListSortedById() throws Exception {
        ClusterTargets targets = new ClusterTargets(new ClusterMetadata(() -> null, () -> SELF),
                new Peers(Duration.ofSeconds(2)), JSON);

        JsonNode answer = targets.gather("/api/v1/targets",
                Mono.just(JSON.readTree("[{\"targetId\": \"b\"}, {\"targetId\": \"a\"}]")),
                List.of(instance(SELF, 0))).block(Duration.ofSeconds(30));

        assertThat(answer.isArray()).isTrue();
        assertThat(answer.get(0).path("targetId").asText()).isEqualTo("a");
        assertThat(answer.get(1).path("targetId").asText()).isEqualTo("b");
    }

    private static StreamsMetadata instance(HostInfo host, int partition) {
        return new StreamsMetadataImpl(host, Set.of(WindowStatsProcessor.STREAK_STORE),
                Set.of(new TopicPartition("llm.probe.results", partition)), Set.of(), Set.of());
    }

    /** A loopback port that was just free: nothing listens on it. */
    static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
