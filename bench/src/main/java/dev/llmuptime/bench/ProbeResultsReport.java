package dev.llmuptime.bench;

import dev.llmuptime.schema.ProbeResult;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a probe-results topic and reports, over the probes scheduled in [FROM_MS, TO_MS): probes
 * per second, scheduling lag (startedAt - scheduledAt) p50/p99/max, and outcomes:
 * {@code probe-report BOOTSTRAP TOPIC FROM_MS TO_MS}.
 */
final class ProbeResultsReport {

    private static final Operand TOPIC = Operand.required("TOPIC", "probe results topic to read");
    private static final Operand FROM_MS = Operand.required("FROM_MS", "first scheduled time counted, epoch ms");
    private static final Operand TO_MS = Operand.required("TO_MS", "end of the counted span (exclusive), epoch ms");

    static final Subcommand COMMAND = new Subcommand("probe-report",
            "Reports probes per second, scheduling lag and outcomes of the probes scheduled in [FROM_MS, TO_MS).",
            List.of(Operand.BOOTSTRAP, TOPIC, FROM_MS, TO_MS),
            (arguments, out) -> report(arguments.text(Operand.BOOTSTRAP), arguments.text(TOPIC),
                    arguments.epochMillis(FROM_MS), arguments.epochMillis(TO_MS), out));

    private ProbeResultsReport() {
    }

    private static void report(String bootstrap, String topic, long from, long to, PrintStream out) {
        List<Long> lags = new ArrayList<>();
        Map<String, Integer> outcomes = new TreeMap<>();
        for (ProbeResult result : ResultsTopic.readAll(bootstrap, topic)) {
            long scheduled = result.getScheduledAt().toEpochMilli();
            if (scheduled >= from && scheduled < to) {
                lags.add(result.getStartedAt().toEpochMilli() - scheduled);
                outcomes.merge(result.getOutcome().name(), 1, Integer::sum);
            }
        }
        Collections.sort(lags);
        double seconds = (to - from) / 1000.0;
        out.printf("probes=%d probes_per_second=%.1f lag_p50_ms=%d lag_p99_ms=%d lag_max_ms=%d outcomes=%s%n",
                lags.size(), lags.size() / seconds, Percentile.of(lags, 0.50), Percentile.of(lags, 0.99),
                lags.isEmpty() ? 0 : lags.get(lags.size() - 1), outcomes);
    }
}
