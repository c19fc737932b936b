package dev.llmuptime.probe;

import dev.llmuptime.config.TargetConfig;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which partition of the assignment topic stands for which target: target i, in sorted order of
 * ids, is partition i. One partition per target makes each target its own unit of ownership, so
 * the assignor can share even three targets fairly between three probers; hashing ids onto a few
 * partitions could leave one prober with all of them. Every prober of a region must have the same
 * targets, or they would read the partitions differently.
 */
record TargetPartitions(List<String> ids) {

    TargetPartitions {
        ids = ids.stream().sorted().toList();
    }

    static TargetPartitions of(List<TargetConfig> targets) {
        return new TargetPartitions(targets.stream().map(TargetConfig::id).toList());
    }

    /** Partitions the assignment topic needs. */
    int count() {
        return ids.size();
    }

    /** The targets of these partitions; a partition left from a removed target stands for none. */
    Set<String> targets(Collection<Integer> partitions) {
        return partitions.stream().filter(partition -> partition < ids.size()).map(ids::get)
                .collect(Collectors.toUnmodifiableSet());
    }
}
