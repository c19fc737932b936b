package dev.llmuptime.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Configurations of the Prometheus stacks in the peers benchmark, one per {@link PrometheusProfile},
 * as documents for {@link RunConfigYaml}. blackbox_exporter POSTs the same tiny chat completion
 * this project sends, one module per model, and checks for 2xx.
 */
final class PeerConfigs {

    private final ObjectMapper json = new ObjectMapper();

    Map<String, Object> blackbox(List<String> models) {
        Map<String, Object> modules = new TreeMap<>();
        for (String model : models) {
            modules.put(module(model), Map.of("prober", "http", "timeout", "5s", "http", Map.of(
                    "method", "POST",
                    "headers", Map.of("Content-Type", "application/json"),
                    "body", chatRequest(model),
                    "valid_status_codes", List.of())));
        }
        return Map.of("modules", modules);
    }

    Map<String, Object> prometheus(PrometheusProfile profile, int alertmanagerPort, int blackboxPort, String url,
            List<String> models) {
        return Map.of(
                "global", Map.of("scrape_interval", profile.interval(), "evaluation_interval", profile.interval(),
                        "scrape_timeout", profile.scrapeTimeout()),
                "alerting", Map.of("alertmanagers", List.of(Map.of("static_configs",
                        List.of(Map.of("targets", List.of("127.0.0.1:" + alertmanagerPort)))))),
                "rule_files", List.of("rules.yml"),
                "scrape_configs", models.stream().map(model -> Map.of(
                        "job_name", module(model),
                        "metrics_path", "/probe",
                        "params", Map.of("module", List.of(module(model))),
                        "static_configs", List.of(Map.of("targets", List.of(url), "labels", Map.of("model", model))),
                        "relabel_configs", List.of(
                                Map.of("source_labels", List.of("__address__"), "target_label", "__param_target"),
                                Map.of("target_label", "__address__", "replacement", "127.0.0.1:" + blackboxPort))))
                        .toList());
    }

    Map<String, Object> rules(PrometheusProfile profile) {
        return Map.of("groups", List.of(Map.of("name", "llm", "rules", List.of(
                Map.of("alert", "ProbeFailed", "expr", "probe_success == 0", "for", profile.ruleFor())))));
    }

    Map<String, Object> alertmanager(PrometheusProfile profile, int receiverPort) {
        return Map.of(
                "route", Map.of("receiver", "bench", "group_by", List.of("alertname", "model"),
                        "group_wait", profile.groupWait(), "group_interval", profile.groupInterval(),
                        "repeat_interval", "4h"),
                "receivers", List.of(Map.of("name", "bench", "webhook_configs", List.of(Map.of(
                        "url", "http://127.0.0.1:" + receiverPort + "/" + profile.stack(), "send_resolved", true)))));
    }

    private static String module(String model) {
        return "chat_" + model;
    }

    private String chatRequest(String model) {
        try {
            return json.writeValueAsString(Map.of("model", model, "max_tokens", 5, "messages",
                    List.of(Map.of("role", "user", "content", "Reply with the single word OK."))));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
