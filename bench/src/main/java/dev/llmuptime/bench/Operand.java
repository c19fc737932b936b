package dev.llmuptime.bench;

import dev.llmuptime.config.CliOption;

/** A positional argument of a subcommand; one without a {@code fallback} must be given. */
record Operand(String name, String help, String fallback) {

    static final Operand BOOTSTRAP = required("BOOTSTRAP", "Kafka bootstrap servers, host:port");
    static final Operand WORK_DIR = required("WORK_DIR", "directory for the configurations, logs and state it writes");

    static Operand required(String name, String help) {
        return new Operand(name, help, null);
    }

    static Operand optional(String name, String help, String fallback) {
        return new Operand(name, help + " (default " + fallback + ")", fallback);
    }

    CliOption option() {
        return CliOption.operand(name, help);
    }

    String synopsis() {
        return fallback == null ? name : "[" + name + "]";
    }
}
