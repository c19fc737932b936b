package dev.llmuptime.alert;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmuptime.config.WebhookConfig;
import dev.llmuptime.schema.AlertEvent;
import dev.llmuptime.schema.AlertStatus;
import dev.llmuptime.schema.ProbeEvidence;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Alertmanager's webhook payload, version 4, with one alert: existing Alertmanager receivers work as
 * they are. A firing alert's evidence is the annotation {@code evidence}, one failed probe a line.
 */
final class AlertmanagerPayload implements Payload {

    /** What Alertmanager sends as endsAt for an alert that has not ended. */
    private static final String NOT_ENDED = "0001-01-01T00:00:00Z";

    @Override
    public ObjectNode render(AlertEvent event, WebhookConfig webhook, String dashboardUrl) {
        String status = event.getStatus() == AlertStatus.FIRING ? "firing" : "resolved";
        ObjectNode labels = JSON.createObjectNode().put("alertname", event.getRule())
                .put("target", event.getTargetId()).put("severity", event.getSeverity());
        if (event.getProvider() != null) {
            labels.put("provider", event.getProvider());
        }
        if (event.getModel() != null) {
            labels.put("model", event.getModel());
        }
        ObjectNode annotations = JSON.createObjectNode().put("summary", event.getSummary())
                .put("metric", event.getMetric());
        if (event.getValue() != null) {
            annotations.put("value", String.valueOf(event.getValue()));
        }
        if (event.getThreshold() != null) {
            annotations.put("threshold", String.valueOf(event.getThreshold()));
        }
        List<ProbeEvidence> evidence = EvidenceFormat.of(event);
        if (!evidence.isEmpty()) {
            annotations.put("evidence", String.join("\n", evidence.stream().map(EvidenceFormat::line).toList()));
        }
        ObjectNode root = JSON.createObjectNode().put("version", "4")
                .put("groupKey", "{}:{alertname=\"" + event.getRule() + "\", target=\"" + event.getTargetId() + "\"}")
                .put("truncatedAlerts", 0).put("status", status).put("receiver", webhook.name());
        root.putObject("groupLabels").put("alertname", event.getRule()).put("target", event.getTargetId());
        root.set("commonLabels", labels.deepCopy());
        root.set("commonAnnotations", annotations.deepCopy());
        root.put("externalURL", dashboardUrl);
        ObjectNode alert = root.putArray("alerts").addObject().put("status", status);
        alert.set("labels", labels);
        alert.set("annotations", annotations);
        alert.put("startsAt", Payload.iso(event.getStartsAt()))
                .put("endsAt", event.getEndsAt() == null ? NOT_ENDED : Payload.iso(event.getEndsAt()))
                .put("generatorURL", dashboardUrl)
                .put("fingerprint", fingerprint(event.getAlertId()));
        return root;
    }

    private static String fingerprint(String alertId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(alertId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
