package dev.llmuptime.bench;

import dev.llmuptime.config.CliOption;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** One subcommand of {@code bench.jar}: its name, its operands in order, and what it runs. */
record Subcommand(String name, String description, List<Operand> operands, Body body) {

    /** The work of a subcommand; what it reports goes to {@code out}. */
    @FunctionalInterface
    interface Body {
        void run(Arguments arguments, PrintStream out) throws Exception;
    }

    Subcommand {
        operands = List.copyOf(operands);
    }

    /** What the command line is parsed against: the operands in order, then {@code --help}. */
    List<CliOption> options() {
        List<CliOption> options = new ArrayList<>(operands.stream().map(Operand::option).toList());
        options.add(CliOption.HELP);
        return options;
    }

    /** For example {@code probe-report BOOTSTRAP TOPIC FROM_MS TO_MS}. */
    String synopsis() {
        return operands.stream().map(Operand::synopsis).collect(Collectors.joining(" ", name + " ", "")).trim();
    }

    String help() {
        int width = operands.stream().mapToInt(operand -> operand.name().length()).max().orElse(0);
        StringBuilder help = new StringBuilder("Usage: java -jar bench.jar ").append(synopsis()).append("\n\n")
                .append(description).append("\n\nArguments:\n");
        for (Operand operand : operands) {
            help.append(String.format("  %-" + width + "s  %s", operand.name(), operand.help())).append('\n');
        }
        return help.append("\nOptions:\n  ").append(CliOption.HELP.name()).append("  ").append(CliOption.HELP.help())
                .append('\n').toString();
    }
}
