package dev.llmuptime.probe;

import dev.llmuptime.config.ProbesConfig;

/**
 * Names this prober instance in every result and in its Kafka clients: {@code probes.prober-id}
 * when set, else host name (as containers set it) and process id, unique per process.
 */
final class ProberIdentity {

    private ProberIdentity() {
    }

    static String of(ProbesConfig probes) {
        return probes.proberId() != null ? probes.proberId() : current();
    }

    static String current() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            host = "localhost";
        }
        return host + "-" + ProcessHandle.current().pid();
    }
}
