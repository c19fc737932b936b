package dev.llmuptime.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

/** State records must land in the partition number where the producer's default partitioner put the target's stats. */
class TargetPartitionerTest {

    @Test
    void aTargetGoesWhereTheDefaultPartitionerPutsItsKey() {
        TargetPartitioner partitioner = new TargetPartitioner(6);

        IntStream.range(0, 200).mapToObj(i -> "openai/gpt-4o-mini/" + i).forEach(target ->
                assertThat(partitioner.partitionOf(target)).as(target).isEqualTo(
                        BuiltInPartitioner.partitionForKey(target.getBytes(StandardCharsets.UTF_8), 6)));
    }
}
