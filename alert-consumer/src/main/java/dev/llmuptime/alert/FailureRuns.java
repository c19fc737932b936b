package dev.llmuptime.alert;

import dev.llmuptime.schema.WindowStats;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The runs of failed probes of each target (failures in a row, ended by a success), recent enough
 * for the longest {@code flap-window}, per region and for all regions, read from the streaks the
 * stats carry. One
 * run is an outage; several runs close together are intermittent errors. Streaks are compared
 * with the previous update's, so a run whose updates were coalesced still counts. After a restart
 * or a move, the stats read back from the stats topic rebuild them.
 */
final class FailureRuns {

    /** A run's first and last failed probe seen, epoch milliseconds, and its length in failed probes. */
    record Run(long firstAt, long lastAt, long failures) {
    }

    private static final class History {
        final Deque<Run> runs = new ArrayDeque<>();
        long lastProbeAt = Long.MIN_VALUE;
        long failures;
        long successes;
    }

    private record Series(String targetId, String region) {
    }

    private final long keepMillis;
    private final Map<Series, History> bySeries = new HashMap<>();

    /** Keeps runs for {@code keepMillis} after their last failure. */
    FailureRuns(long keepMillis) {
        this.keepMillis = keepMillis;
    }

    /** How long runs are kept after their last failure, in ms. */
    long keepMillis() {
        return keepMillis;
    }

    /** Notes the target's streak as of the update's last probe; older probes and repeated updates change nothing. */
    void observe(WindowStats stats) {
        if (keepMillis <= 0 || stats.getLastProbeAt() == null) {
            return;
        }
        History history = bySeries.computeIfAbsent(new Series(stats.getTargetId(), stats.getRegion()),
                series -> new History());
        long at = stats.getLastProbeAt().toEpochMilli();
        long failures = stats.getConsecutiveFailures();
        long successes = stats.getConsecutiveSuccesses();
        boolean repeated = at == history.lastProbeAt && failures == history.failures && successes == history.successes;
        if (at < history.lastProbeAt || repeated) {
            return;
        }
        if (failures > 0) {
            boolean sameRun = history.failures > 0 && failures >= history.failures && !history.runs.isEmpty();
            if (sameRun) {
                history.runs.addLast(new Run(history.runs.removeLast().firstAt(), at, failures));
            } else {
                history.runs.addLast(new Run(at, at, failures));
            }
        } else if (successes > 0 && history.failures == 0 && successes < history.successes) {
            // The success streak restarted between two updates: a run of failures fell between them.
            history.runs.addLast(new Run(at, at, 1));
        }
        history.lastProbeAt = at;
        history.failures = failures;
        history.successes = successes;
        while (!history.runs.isEmpty() && history.runs.peekFirst().lastAt() < at - keepMillis) {
            history.runs.removeFirst();
        }
    }

    /** How many runs of the target in {@code region} ({@code *}: all) had a failure at or after {@code since}. */
    int since(String targetId, String region, long since) {
        History history = bySeries.get(new Series(targetId, region));
        return history == null ? 0 : (int) history.runs.stream().filter(run -> run.lastAt() >= since).count();
    }

    /** The target's latest run in {@code region} ({@code *}: all), if one is kept. */
    Optional<Run> latest(String targetId, String region) {
        History history = bySeries.get(new Series(targetId, region));
        return history == null ? Optional.empty() : Optional.ofNullable(history.runs.peekLast());
    }

    void forget(Predicate<String> gone) {
        bySeries.keySet().removeIf(series -> gone.test(series.targetId()));
    }
}
