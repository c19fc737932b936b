package dev.llmuptime.bench;

import java.util.List;

/**
 * Prints a probe-producer configuration with N targets against the simulated provider:
 * {@code probe-config TARGETS INTERVAL BOOTSTRAP TOPIC SIM_BASE_URL HTTP_PORT}.
 */
final class ProbeBenchConfig {

    private static final Operand TARGETS = Operand.required("TARGETS", "number of targets, t0, t1, ...");
    private static final Operand INTERVAL = Operand.required("INTERVAL", "probe interval of every target, e.g. 1s");
    private static final Operand TOPIC = Operand.required("TOPIC", "probe results topic");
    private static final Operand SIM_BASE_URL = Operand.required("SIM_BASE_URL",
            "base URL of the simulated provider, e.g. http://127.0.0.1:18090/v1");
    private static final Operand HTTP_PORT = Operand.required("HTTP_PORT", "port of the prober's /metrics and /health");

    static final Subcommand COMMAND = new Subcommand("probe-config",
            "Prints a probe-producer configuration: TARGETS targets probing the simulated provider's sim-small.",
            List.of(TARGETS, INTERVAL, Operand.BOOTSTRAP, TOPIC, SIM_BASE_URL, HTTP_PORT),
            (arguments, out) -> out.print(new RunConfigYaml().serviceConfig(ServiceConfigs.probeProducer(
                    arguments.wholeNumber(TARGETS, 1), arguments.duration(INTERVAL), arguments.text(Operand.BOOTSTRAP),
                    arguments.text(TOPIC), arguments.httpUrl(SIM_BASE_URL), arguments.port(HTTP_PORT)))));

    private ProbeBenchConfig() {
    }
}
