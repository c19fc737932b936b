package dev.llmuptime.config;

/**
 * A command-line option: a flag ({@code --help}) or, with a {@code valueName}, an option that
 * takes a value ({@code --config FILE} or {@code --config=FILE}); or an operand, a positional
 * argument named without dashes ({@code TARGETS}), filled in the order the operands are declared.
 */
public record CliOption(String name, String valueName, String help) {

    public static final CliOption CONFIG = new CliOption("--config", "FILE",
            "configuration file (default ./monitor.yaml)");
    public static final CliOption HELP = new CliOption("--help", null, "print this help and exit");
    public static final CliOption VERSION = new CliOption("--version", null, "print the version and exit");

    public static CliOption flag(String name, String help) {
        return new CliOption(name, null, help);
    }

    public static CliOption withValue(String name, String valueName, String help) {
        return new CliOption(name, valueName, help);
    }

    public static CliOption operand(String name, String help) {
        return new CliOption(name, null, help);
    }

    public boolean isOperand() {
        return !name.startsWith("-");
    }

    public boolean takesValue() {
        return valueName != null;
    }

    String synopsis() {
        return takesValue() ? name + " " + valueName : name;
    }
}
