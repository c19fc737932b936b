package dev.llmuptime.bench;

import dev.llmuptime.config.CliOption;
import dev.llmuptime.config.CommandLine;
import dev.llmuptime.config.DidYouMean;
import dev.llmuptime.config.ServiceLauncher;
import dev.llmuptime.config.UsageException;
import dev.llmuptime.config.Version;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Entry point of {@code bench.jar}: {@code java -jar bench.jar SUBCOMMAND OPERANDS...}. Exit codes
 * as for the services: 0 done, 1 failed while running, 2 bad arguments (one line on stderr).
 */
public final class BenchMain {

    private static final List<CliOption> TOP_LEVEL = List.of(CliOption.HELP, CliOption.VERSION);

    private final Map<String, Subcommand> subcommands = new LinkedHashMap<>();

    BenchMain(List<Subcommand> subcommands) {
        subcommands.forEach(subcommand -> this.subcommands.put(subcommand.name(), subcommand));
    }

    /** The subcommands the scripts under {@code bench/} run. */
    static BenchMain withAllBenchmarks() {
        return new BenchMain(List.of(ProbeBenchConfig.COMMAND, ProbeResultsReport.COMMAND, AggregatorBench.COMMAND,
                WindowedCountReference.COMMAND, PeersBench.COMMAND, FailoverBench.COMMAND));
    }

    public static void main(String[] args) {
        int code = withAllBenchmarks().run(args, System.out, System.err);
        if (code != ServiceLauncher.EXIT_OK) {
            System.exit(code);
        }
    }

    int run(String[] args, PrintStream out, PrintStream err) {
        String command = "bench";
        try {
            if (args.length == 0 || args[0].startsWith("-")) {
                return topLevel(CommandLine.parse(args, TOP_LEVEL), out);
            }
            Subcommand subcommand = subcommand(args[0]);
            command = "bench " + subcommand.name();
            CommandLine commandLine = CommandLine.parse(Arrays.copyOfRange(args, 1, args.length), subcommand.options());
            if (commandLine.has(CliOption.HELP.name())) {
                out.print(subcommand.help());
                return ServiceLauncher.EXIT_OK;
            }
            subcommand.body().run(new Arguments(commandLine), out);
            return ServiceLauncher.EXIT_OK;
        } catch (UsageException e) {
            err.println(command + ": " + e.getMessage());
            return ServiceLauncher.EXIT_USAGE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ServiceLauncher.EXIT_FAILED;
        } catch (Exception e) {
            err.println(command + ": failed: " + e);
            return ServiceLauncher.EXIT_FAILED;
        }
    }

    private int topLevel(CommandLine commandLine, PrintStream out) {
        if (commandLine.has(CliOption.HELP.name())) {
            out.print(help());
            return ServiceLauncher.EXIT_OK;
        }
        if (commandLine.has(CliOption.VERSION.name())) {
            out.println("bench " + Version.current());
            return ServiceLauncher.EXIT_OK;
        }
        throw new UsageException("missing subcommand, one of " + String.join(", ", subcommands.keySet())
                + "; see --help");
    }

    private Subcommand subcommand(String name) {
        Subcommand subcommand = subcommands.get(name);
        if (subcommand == null) {
            throw new UsageException("unknown subcommand '" + name + "'" + DidYouMean.suggest(name, subcommands.keySet())
                    + "; expected one of " + String.join(", ", subcommands.keySet()));
        }
        return subcommand;
    }

    String help() {
        StringBuilder help = new StringBuilder("Usage: java -jar bench.jar SUBCOMMAND OPERANDS...\n\n"
                + "Benchmark tools: generate load and read back what the services wrote. Run by the scripts in "
                + "bench/.\n\nSubcommands:\n");
        for (Subcommand subcommand : subcommands.values()) {
            help.append("  ").append(subcommand.synopsis()).append("\n      ").append(subcommand.description())
                    .append('\n');
        }
        return help.append("\nOptions:\n  --help     print this help (or SUBCOMMAND --help) and exit\n"
                + "  --version  print the version and exit\n").toString();
    }
}
