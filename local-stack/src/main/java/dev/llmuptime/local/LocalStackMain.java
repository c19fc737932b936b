package dev.llmuptime.local;

import dev.llmuptime.config.CliOption;
import dev.llmuptime.config.CommandLine;
import dev.llmuptime.config.Invocation;
import dev.llmuptime.config.MonitorConfig;
import dev.llmuptime.config.ServiceLauncher;
import dev.llmuptime.config.UsageException;
import dev.llmuptime.embedded.kafka.PortInUseException;
import dev.llmuptime.simulator.SimulatedProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/** Entry point of {@code local-stack.jar}: the whole system on one machine, or one of its parts. */
public final class LocalStackMain {

    static final String KAFKA_ONLY = "--kafka-only";
    static final String KAFKA_PORT = "--kafka-port";
    static final String SIMULATOR_ONLY = "--simulator-only";
    static final String SIMULATOR_PORT = "--simulator-port";
    static final String SIMULATOR_HOST = "--simulator-host";
    static final String DEMO = "--demo";
    static final String SIMULATOR_MODELS = "--simulator-models";

    static final ServiceLauncher LAUNCHER = new ServiceLauncher("local-stack",
            "Runs LLM Uptime Monitor on one machine, in one JVM: a real Kafka broker (KRaft, data in ./.local-data/),\n"
                    + "the simulated provider (OpenAI, Azure OpenAI, Anthropic and Gemini APIs), probe-producer,\n"
                    + "aggregator-streams, alert-consumer and a webhook inbox that prints every alert. Without --config it\n"
                    + "uses examples/local.yaml (bundled); examples/providers.yaml probes each provider's API on the\n"
                    + "simulator. With OPENAI_API_KEY set it probes the real OpenAI API too. Runs until Ctrl-C.",
            List.of(CliOption.flag(DEMO, "play a scripted incident: a model fails, another slows down, both recover"),
                    CliOption.flag(KAFKA_ONLY, "run only the Kafka broker"),
                    CliOption.withValue(KAFKA_PORT, "N", "Kafka broker port (default 9092)"),
                    CliOption.flag(SIMULATOR_ONLY, "run only the simulated provider"),
                    CliOption.withValue(SIMULATOR_PORT, "N", "simulated provider port (default 8090)"),
                    CliOption.withValue(SIMULATOR_HOST, "ADDRESS", "address the simulated provider listens on (default "
                            + "127.0.0.1; 0.0.0.0 in a container)"),
                    CliOption.withValue(SIMULATOR_MODELS, "A,B,...", "models the simulated provider serves (default "
                            + String.join(",", SimulatedProvider.DEFAULT_MODELS) + ")")));

    private LocalStackMain() {
    }

    public static void main(String[] args) {
        LAUNCHER.main(args, invocation -> {
            LocalStack stack = new LocalStack(settings(invocation, System::getenv), System.out);
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "local-stack-shutdown"));
            startOrExplain(stack);
            stack.printSummary(System.out);
            stack.awaitClosed();
        });
    }

    /** A taken port is the user's to change, like a bad argument: one line and exit code 2, not a stack trace. */
    private static void startOrExplain(LocalStack stack) {
        try {
            stack.start();
        } catch (PortInUseException e) {
            throw new UsageException(e.getMessage());
        }
    }

    static LocalStack.Settings settings(Invocation invocation, Function<String, String> env) {
        CommandLine commandLine = invocation.commandLine();
        boolean kafkaOnly = commandLine.has(KAFKA_ONLY);
        boolean simulatorOnly = commandLine.has(SIMULATOR_ONLY);
        if (kafkaOnly && simulatorOnly) {
            throw new UsageException(KAFKA_ONLY + " and " + SIMULATOR_ONLY + " exclude each other");
        }
        int kafkaPort = commandLine.port(KAFKA_PORT, 9092);
        int simulatorPort = commandLine.port(SIMULATOR_PORT, 8090);
        String simulatorHost = commandLine.value(SIMULATOR_HOST, "127.0.0.1");
        if (simulatorHost.isBlank()) {
            throw new UsageException(SIMULATOR_HOST + " expects an address, e.g. 0.0.0.0");
        }
        List<String> models = List.of(commandLine.value(SIMULATOR_MODELS,
                String.join(",", SimulatedProvider.DEFAULT_MODELS)).split(","));
        if (models.stream().anyMatch(String::isBlank)) {
            throw new UsageException(SIMULATOR_MODELS + " expects model names separated by commas");
        }
        Path dataDir = Path.of(".local-data");
        if (kafkaOnly || simulatorOnly) {
            if (commandLine.has(DEMO)) {
                throw new UsageException(DEMO + " needs the whole stack, not " + (kafkaOnly ? KAFKA_ONLY : SIMULATOR_ONLY));
            }
            return LocalStack.Settings.infrastructure(!simulatorOnly, !kafkaOnly, kafkaPort, simulatorHost, simulatorPort,
                    models, dataDir);
        }
        boolean configGiven = commandLine.has(CliOption.CONFIG.name()) || Files.exists(invocation.configPath());
        MonitorConfig config = configGiven ? LocalConfig.withOpenAi(invocation.config(), env) : LocalConfig.bundled(env);
        return new LocalStack.Settings(true, true, true, kafkaPort, simulatorHost, simulatorPort, models, dataDir, config,
                commandLine.has(DEMO));
    }
}
