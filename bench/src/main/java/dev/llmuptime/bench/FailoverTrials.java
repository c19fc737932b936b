package dev.llmuptime.bench;

import static dev.llmuptime.testkit.ClusterHealth.statsPartitions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmuptime.testkit.ClusterHealth;
import dev.llmuptime.testkit.ClusterSpec;
import dev.llmuptime.testkit.ServiceProcess;
import dev.llmuptime.testkit.WebhookReceiver;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * One failover of one service at a time, each measured from the signal to the moment the rest of
 * the cluster does the victim's work, then the victim started again and the cluster let settle.
 */
final class FailoverTrials {

    /** The measured failover of one signal, and what else it observed. */
    record Failover(Duration took, Duration exited, Duration partitionsMoved) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    private final List<ServiceProcess> probers;
    private final List<ServiceProcess> aggregators;
    private final List<ServiceProcess> alerters;
    private final ClusterWatch watch;
    private final SimulatorFaults faults;
    private final WebhookReceiver receiver;
    private final ClusterSpec spec;
    private final List<String> targets;
    private final int partitions;
    private final String faultyTarget;
    private final String faultyModel;
    private final Set<String> alertIdsSeen = new HashSet<>();

    FailoverTrials(List<ServiceProcess> probers, List<ServiceProcess> aggregators, List<ServiceProcess> alerters,
            ClusterWatch watch, SimulatorFaults faults, WebhookReceiver receiver, ClusterSpec spec, String faultyTarget,
            String faultyModel) {
        this.probers = probers;
        this.aggregators = aggregators;
        this.alerters = alerters;
        this.watch = watch;
        this.faults = faults;
        this.receiver = receiver;
        this.spec = spec;
        this.targets = spec.targets();
        this.partitions = spec.partitions();
        this.faultyTarget = faultyTarget;
        this.faultyModel = faultyModel;
    }

    /**
     * Prober {@code n % 3} is killed (SIGKILL) or stopped (SIGTERM): from the signal until every
     * target it probed last has been probed by another prober.
     */
    Failover prober(int n, boolean kill) throws Exception {
        ServiceProcess victim = probers.get(n % probers.size());
        settleProbers();
        Set<String> orphans = watch.ownedBy(victim.name());
        Instant signal = Instant.now();
        Duration exited = kill ? Duration.ZERO : victim.stop(Duration.ofSeconds(60));
        if (kill) {
            victim.kill();
        }
        Instant takenOver = Poll.until("probe of " + orphans + " by a survivor", PATIENCE,
                () -> watch.takenOver(orphans, victim.name(), signal));
        victim.start().awaitHealthy(PATIENCE);
        return new Failover(Duration.between(signal, takenOver), exited, null);
    }

    /**
     * Aggregator {@code n % 2} is killed: from the kill until the other lists every target (complete,
     * not partial) with a probe after the kill, and serves each target's stats fresh (not stale)
     * with a probe after the kill.
     */
    Failover aggregator(int n) throws Exception {
        ServiceProcess victim = aggregators.get(n % aggregators.size());
        ServiceProcess survivor = aggregators.get((n + 1) % aggregators.size());
        settleAggregators();
        Instant killed = victim.kill();
        Instant served = Poll.until("fresh answers from " + survivor.name(), PATIENCE,
                () -> servesAllFresh(survivor, killed) ? Optional.of(Instant.now()) : Optional.empty());
        victim.start().awaitHealthy(PATIENCE);
        return new Failover(Duration.between(killed, served), Duration.ZERO, null);
    }

    /**
     * The alert consumer deciding the faulty target is killed at the moment its model starts to
     * fail: from the kill until the survivor owns every stats partition, and until the FIRING of
     * the new episode is delivered; then the fault ends and its RESOLVED is awaited.
     */
    Failover alertConsumer(int n, boolean kill) throws Exception {
        settleAlerters();
        Poll.until("a healthy " + faultyTarget, PATIENCE, () -> !episodeOpen());
        int partition = spec.partitionOf(faultyTarget);
        ServiceProcess decider = alerters.stream().filter(alerter -> statsPartitions(alerter).contains(partition))
                .findFirst().orElseThrow();
        ServiceProcess survivor = alerters.get(alerters.indexOf(decider) == 0 ? 1 : 0);
        faults.apply(Fault.error(faultyModel, 503));
        Instant start = kill ? decider.kill() : Instant.now();
        Instant moved = kill ? Poll.until("every stats partition on " + survivor.name(), PATIENCE,
                () -> statsPartitions(survivor).size() == partitions ? Optional.of(Instant.now()) : Optional.empty())
                : start;
        WebhookReceiver.Request firing = Poll.until("FIRING of a new episode", PATIENCE, () -> newFiring(start));
        alertIdsSeen.add(alertId(firing));
        faults.apply(Fault.healthy(faultyModel));
        Poll.until("RESOLVED of " + alertId(firing), PATIENCE, () -> !episodeOpen());
        if (kill) {
            decider.start().awaitHealthy(PATIENCE);
        }
        return new Failover(Duration.between(start, firing.at()), Duration.ZERO, Duration.between(start, moved));
    }

    /** Every delivery of the rule "down" on the faulty target, in order of arrival. */
    List<JsonNode> deliveries() throws Exception {
        List<JsonNode> deliveries = new ArrayList<>();
        for (WebhookReceiver.Request request : receiver.delivered()) {
            JsonNode body = JSON.readTree(request.body());
            if (body.path("rule").asText().equals("down") && body.path("targetId").asText().equals(faultyTarget)) {
                deliveries.add(JSON.createObjectNode().put("alertId", body.path("alertId").asText())
                        .put("status", body.path("status").asText())
                        .put("idempotencyKey", request.header("Idempotency-Key")));
            }
        }
        return deliveries;
    }

    /** Three probers up, each with a share, together owning every target, and every target probed since. */
    private void settleProbers() throws Exception {
        Poll.until("probers sharing every target", PATIENCE, () -> {
            List<Integer> shares = probers.stream().map(ClusterHealth::ownedTargets).toList();
            return shares.stream().allMatch(share -> share > 0)
                    && shares.stream().mapToInt(Integer::intValue).sum() == targets.size();
        });
        Instant settled = Instant.now();
        Poll.until("a probe of every target", PATIENCE, () -> watch.probedSince(targets, settled));
    }

    /** Both aggregators up, each holding a share, each listing every target. */
    private void settleAggregators() throws Exception {
        Poll.until("aggregators sharing every target", PATIENCE, () -> {
            for (ServiceProcess aggregator : aggregators) {
                if (ids(aggregator, "/api/v1/targets?local=true").isEmpty()
                        || !ids(aggregator, "/api/v1/targets").containsAll(targets)) {
                    return Optional.empty();
                }
            }
            return Optional.of(true);
        });
    }

    /** Both alert consumers up, each deciding some stats partitions. */
    private void settleAlerters() throws Exception {
        Poll.until("alert consumers sharing the stats partitions", PATIENCE, () -> alerters.stream()
                .mapToInt(alerter -> statsPartitions(alerter).size()).allMatch(owned -> owned > 0)
                && alerters.stream().mapToInt(alerter -> statsPartitions(alerter).size()).sum() == partitions);
    }

    private boolean servesAllFresh(ServiceProcess aggregator, Instant since) throws Exception {
        ServiceProcess.Reply list = aggregator.get("/api/v1/targets");
        if (!list.ok()) {
            return false;
        }
        JsonNode all = JSON.readTree(list.body());
        if (!all.isArray() || all.size() != targets.size()) {
            return false;
        }
        for (JsonNode target : all) {
            if (!Instant.parse(target.path("lastProbeAt").asText()).isAfter(since)) {
                return false;
            }
        }
        for (String target : targets) {
            ServiceProcess.Reply stats = aggregator.get("/api/v1/targets/" + target + "/stats?window=1m");
            if (!stats.ok()) {
                return false;
            }
            JsonNode series = JSON.readTree(stats.body());
            if (!series.isArray() || series.isEmpty()
                    || !Instant.parse(series.get(series.size() - 1).path("lastProbeAt").asText()).isAfter(since)) {
                return false;
            }
        }
        return true;
    }

    private Optional<WebhookReceiver.Request> newFiring(Instant after) throws Exception {
        for (WebhookReceiver.Request request : receiver.delivered()) {
            JsonNode body = JSON.readTree(request.body());
            if (body.path("rule").asText().equals("down") && body.path("targetId").asText().equals(faultyTarget)
                    && body.path("status").asText().equals("FIRING") && request.at().isAfter(after)
                    && !alertIdsSeen.contains(body.path("alertId").asText())) {
                return Optional.of(request);
            }
        }
        return Optional.empty();
    }

    /** Whether the latest delivered transition of the faulty target is a FIRING. */
    private boolean episodeOpen() {
        try {
            List<JsonNode> all = deliveries();
            return !all.isEmpty() && all.get(all.size() - 1).path("status").asText().equals("FIRING");
        } catch (Exception e) {
            return true;
        }
    }

    private static String alertId(WebhookReceiver.Request request) throws Exception {
        return JSON.readTree(request.body()).path("alertId").asText();
    }

    private static List<String> ids(ServiceProcess aggregator, String path) throws Exception {
        ServiceProcess.Reply reply = aggregator.get(path);
        if (!reply.ok()) {
            return List.of();
        }
        JsonNode list = JSON.readTree(reply.body());
        return list.isArray() ? IntStream.range(0, list.size()).mapToObj(i -> list.get(i).path("targetId").asText())
                .toList() : List.of();
    }
}
