package dev.llmuptime.bench;

/**
 * Prints a probe-producer configuration with N targets against the simulated provider:
 * {@code probe-config TARGETS INTERVAL BOOTSTRAP TOPIC SIM_BASE_URL HTTP_PORT}.
 */
final class ProbeBenchConfig {

    private ProbeBenchConfig() {
    }

    static void main(String[] args) {
        int targets = Integer.parseInt(args[0]);
        String interval = args[1];
        StringBuilder yaml = new StringBuilder();
        yaml.append("kafka:\n  bootstrap-servers: ").append(args[2]).append("\n  topics: {probe-results: ")
                .append(args[3]).append("}\n  partitions: 6\n");
        yaml.append("probes:\n  region: bench\n  http-port: ").append(args[5]).append("\n  targets:\n");
        for (int i = 0; i < targets; i++) {
            yaml.append("    - {id: t").append(i).append(", provider: openai-compatible, base-url: \"").append(args[4])
                    .append("\", model: sim-small, check: chat-stream, interval: ").append(interval)
                    .append(", max-tokens: 5}\n");
        }
        System.out.print(yaml);
    }
}
