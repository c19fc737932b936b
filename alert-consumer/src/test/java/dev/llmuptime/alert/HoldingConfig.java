package dev.llmuptime.alert;

/**
 * What the tests of holds (maintenance windows, silences) evaluate: the webhook {@code ops}, the rule {@code down}
 * reminded every 20 minutes, and one weekly maintenance window.
 */
final class HoldingConfig {

    private HoldingConfig() {
    }

    /** The window over the targets matching {@code target}, at {@code weekly} (a YAML flow map). */
    static String withWindow(String target, String weekly) {
        return """
                alerts:
                  webhooks:
                    - {name: ops, url: "http://127.0.0.1:9000/ops"}
                  rules:
                    - {name: down, condition: "consecutive-failures >= 2", severity: critical}
                  repeat-interval: 20m
                  maintenance:
                    - match: {target: "%s"}
                      weekly: %s
                """.formatted(target, weekly);
    }
}
