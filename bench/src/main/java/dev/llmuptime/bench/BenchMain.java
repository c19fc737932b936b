package dev.llmuptime.bench;

import java.util.Arrays;

/** Entry point of {@code bench.jar}: {@code probe-config}, {@code probe-report} or {@code aggregator-bench}. */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: java -jar bench.jar probe-config|probe-report|aggregator-bench|peers ...");
            System.exit(2);
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "probe-config" -> ProbeBenchConfig.main(rest);
            case "probe-report" -> ProbeResultsReport.main(rest);
            case "aggregator-bench" -> AggregatorBench.main(rest);
            case "peers" -> PeersBench.main(rest);
            default -> {
                System.err.println("unknown command " + args[0]);
                System.exit(2);
            }
        }
    }
}
