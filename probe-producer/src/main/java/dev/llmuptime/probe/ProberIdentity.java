package dev.llmuptime.probe;

/** Names this prober instance in every result: host name (as containers set it) and process id. */
final class ProberIdentity {

    private ProberIdentity() {
    }

    static String current() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            host = "localhost";
        }
        return host + "-" + ProcessHandle.current().pid();
    }
}
