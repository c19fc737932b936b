package dev.llmuptime.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TargetPartitionsTest {

    private final TargetPartitions partitions = new TargetPartitions(List.of("gamma", "alpha", "beta"));

    @Test
    void targetIInSortedOrderOfIdsIsPartitionI() {
        assertThat(partitions.count()).isEqualTo(3);
        assertThat(partitions.targets(List.of(0))).containsExactly("alpha");
        assertThat(partitions.targets(List.of(2, 1))).containsExactlyInAnyOrder("gamma", "beta");
    }

    @Test
    void aPartitionLeftFromARemovedTargetStandsForNone() {
        assertThat(partitions.targets(List.of(1, 3, 7))).containsExactly("beta");
    }
}
