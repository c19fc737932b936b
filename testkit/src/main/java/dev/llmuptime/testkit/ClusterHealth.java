package dev.llmuptime.testkit;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a service's /health says about its share of the cluster's work. */
public final class ClusterHealth {

    private static final Pattern OWNS = Pattern.compile("owns (\\d+) of (\\d+) targets");
    private static final Pattern STATS_PARTITIONS = Pattern.compile("stats partitions \\[([0-9, ]*)]");

    private ClusterHealth() {
    }

    /** How many targets a prober owns in its region; -1 while it is not up. */
    public static int ownedTargets(ServiceProcess prober) {
        ServiceProcess.Reply health = prober.get("/health");
        Matcher owns = OWNS.matcher(health.body());
        return health.ok() && owns.find() ? Integer.parseInt(owns.group(1)) : -1;
    }

    /** The stats partitions an alert consumer decides; none while it is not up. */
    public static List<Integer> statsPartitions(ServiceProcess alerter) {
        ServiceProcess.Reply health = alerter.get("/health");
        Matcher owned = STATS_PARTITIONS.matcher(health.body());
        if (!health.ok() || !owned.find() || owned.group(1).isBlank()) {
            return List.of();
        }
        return Pattern.compile(",\\s*").splitAsStream(owned.group(1)).map(Integer::valueOf).toList();
    }
}
