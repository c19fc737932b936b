package dev.llmuptime.local;

import dev.llmuptime.config.CliOption;
import dev.llmuptime.config.CommandLine;
import dev.llmuptime.config.ServiceLauncher;
import dev.llmuptime.config.UsageException;
import java.nio.file.Path;
import java.util.List;

/** Entry point of {@code local-stack.jar}: the system on one machine, or one of its parts. */
public final class LocalStackMain {

    static final String KAFKA_ONLY = "--kafka-only";
    static final String KAFKA_PORT = "--kafka-port";
    static final String SIMULATOR_ONLY = "--simulator-only";
    static final String SIMULATOR_PORT = "--simulator-port";

    static final ServiceLauncher LAUNCHER = new ServiceLauncher("local-stack",
            "Runs LLM Uptime Monitor on one machine: a real Kafka broker (KRaft, data in ./.local-data/) and the\n"
                    + "simulated OpenAI-compatible provider, until Ctrl-C.",
            List.of(CliOption.flag(KAFKA_ONLY, "run only the Kafka broker"),
                    CliOption.withValue(KAFKA_PORT, "N", "Kafka broker port (default 9092)"),
                    CliOption.flag(SIMULATOR_ONLY, "run only the simulated provider"),
                    CliOption.withValue(SIMULATOR_PORT, "N", "simulated provider port (default 8090)")));

    private LocalStackMain() {
    }

    public static void main(String[] args) {
        LAUNCHER.main(args, invocation -> {
            LocalStack stack = LocalStack.start(settings(invocation.commandLine()));
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "local-stack-shutdown"));
            stack.printSummary(System.out);
            stack.awaitClose();
        });
    }

    static LocalStack.Settings settings(CommandLine commandLine) {
        boolean kafkaOnly = commandLine.has(KAFKA_ONLY);
        boolean simulatorOnly = commandLine.has(SIMULATOR_ONLY);
        if (kafkaOnly && simulatorOnly) {
            throw new UsageException(KAFKA_ONLY + " and " + SIMULATOR_ONLY + " exclude each other");
        }
        return new LocalStack.Settings(!simulatorOnly, !kafkaOnly, commandLine.port(KAFKA_PORT, 9092),
                commandLine.port(SIMULATOR_PORT, 8090), Path.of(".local-data"));
    }
}
