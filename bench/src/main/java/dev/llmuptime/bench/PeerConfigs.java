package dev.llmuptime.bench;

import java.util.List;

/**
 * Configurations of the Prometheus stack in the peers benchmark, as a tutorial sets it up
 * (scrape and evaluation every 15 s, {@code for: 1m}, group_wait 30s, group_interval 5m) and as
 * aggressive as it goes (5 s, {@code for: 0s}, group_wait 0s, group_interval 5s). blackbox_exporter
 * POSTs the same tiny chat completion this project sends, one module per model, and checks for 2xx.
 */
final class PeerConfigs {

    private PeerConfigs() {
    }

    static String blackbox(List<String> models) {
        StringBuilder yaml = new StringBuilder("modules:\n");
        for (String model : models) {
            yaml.append("""
                      chat_%s:
                        prober: http
                        timeout: 5s
                        http:
                          method: POST
                          headers: {Content-Type: application/json}
                          body: '{"model":"%s","max_tokens":5,"messages":[{"role":"user","content":"Reply with the single word OK."}]}'
                          valid_status_codes: []
                    """.formatted(model, model));
        }
        return yaml.toString();
    }

    static String prometheus(boolean aggressive, int alertmanagerPort, int blackboxPort, String url, List<String> models) {
        String interval = aggressive ? "5s" : "15s";
        StringBuilder yaml = new StringBuilder("""
                global:
                  scrape_interval: %s
                  evaluation_interval: %s
                  scrape_timeout: %s
                alerting:
                  alertmanagers:
                    - static_configs:
                        - targets: ["127.0.0.1:%d"]
                rule_files: [rules.yml]
                scrape_configs:
                """.formatted(interval, interval, aggressive ? "5s" : "10s", alertmanagerPort));
        for (String model : models) {
            yaml.append("""
                      - job_name: chat_%s
                        metrics_path: /probe
                        params: {module: [chat_%s]}
                        static_configs:
                          - targets: ["%s"]
                            labels: {model: %s}
                        relabel_configs:
                          - source_labels: [__address__]
                            target_label: __param_target
                          - target_label: __address__
                            replacement: 127.0.0.1:%d
                    """.formatted(model, model, url, model, blackboxPort));
        }
        return yaml.toString();
    }

    static String rules(boolean aggressive) {
        return """
                groups:
                  - name: llm
                    rules:
                      - alert: ProbeFailed
                        expr: probe_success == 0
                        for: %s
                """.formatted(aggressive ? "0s" : "1m");
    }

    static String alertmanager(boolean aggressive, int receiverPort, String path) {
        return """
                route:
                  receiver: bench
                  group_by: [alertname, model]
                  group_wait: %s
                  group_interval: %s
                  repeat_interval: 4h
                receivers:
                  - name: bench
                    webhook_configs:
                      - url: http://127.0.0.1:%d/%s
                        send_resolved: true
                """.formatted(aggressive ? "0s" : "30s", aggressive ? "5s" : "5m", receiverPort, path);
    }
}
